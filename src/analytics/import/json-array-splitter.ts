/** An element grew past the splitter's limit (its text is not kept). */
export class ElementTooLarge extends Error {}

/**
 * Splits a streamed top-level JSON array into the source text of its elements without parsing
 * the whole document: tracks string/escape state and bracket depth across chunks.
 */
export class JsonArraySplitter {
  private depth = 0;
  private inString = false;
  private escaped = false;
  private started = false;
  private current = "";

  /** `max`: most characters of one element held in memory (then `push` throws `ElementTooLarge`). */
  constructor(private readonly max = Number.POSITIVE_INFINITY) {}

  /** Feeds a chunk; returns the complete element texts it finished. */
  push(chunk: string): string[] {
    const out: string[] = [];
    let from = 0;
    for (let i = 0; i < chunk.length; i++) {
      // What follows the closing bracket (an API page's other keys) is not part of the array.
      if (this.started && this.depth === 0) break;
      const ch = chunk[i] as string;
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (ch === "\\") this.escaped = true;
        else if (ch === '"') this.inString = false;
        continue;
      }
      if (ch === '"') this.inString = true;
      else if (ch === "[" || ch === "{") {
        this.depth++;
        if (!this.started && this.depth === 1) {
          this.started = true;
          from = i + 1;
        }
      } else if (ch === "]" || ch === "}" || ch === ",") {
        if (ch !== ",") this.depth--;
        if (this.depth === 0 || (ch === "," && this.depth === 1)) {
          this.current += chunk.slice(from, i);
          if (this.current.length > this.max) throw new ElementTooLarge();
          if (this.current.trim() !== "") out.push(this.current);
          this.current = "";
          from = i + 1;
        }
      }
    }
    if (this.started && this.depth > 0) this.current += chunk.slice(from);
    else if (this.finished) this.current = "";
    if (this.current.length > this.max) throw new ElementTooLarge();
    return out;
  }

  /** True once the closing bracket of the array was seen. */
  get finished(): boolean {
    return this.started && this.depth === 0;
  }
}
