import { createReadStream } from "node:fs";
import { Transform } from "node:stream";
import { createGunzip } from "node:zlib";
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { WaylineError } from "../../domain/errors.ts";
import { type ReadLimits, readLimits, recordTooLarge } from "./limits.ts";
import type { RawRow } from "./raw.ts";

/** XES attribute elements whose `value` we keep (lists and containers are skipped). */
const SIMPLE = new Set(["string", "date", "int", "float", "boolean", "id"]);

/** Column the chosen classifier's activity is written to. */
export const CLASSIFIER_COLUMN = "wayline:classifier";

/** Keys of a classifier declaration: space-separated, a key with spaces in single quotes. */
export function classifierKeys(keys: string): string[] {
  return [...keys.matchAll(/'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? "").filter((k) => k !== "");
}

/** What an XES file declares, filled in while it streams. */
export interface XesHeader {
  classifiers: { name: string; keys: string[] }[];
}

/** Parser state: where we are in log → trace → event and what has been collected. */
class XesState {
  header: XesHeader = { classifiers: [] };
  /** Keys of the classifier to apply, once declared. */
  keys?: string[];
  constructor(private readonly classifier?: string) {}
  depth = 0;
  traceDepth = -1;
  eventDepth = -1;
  trace: Record<string, unknown> = {};
  event: Record<string, unknown> | null = null;
  eventLine = 0;
  ready: RawRow[] = [];

  open(tag: SaxesTagPlain, line: number): void {
    this.depth++;
    if (tag.name === "trace" && this.traceDepth < 0) {
      this.traceDepth = this.depth;
      this.trace = {};
    } else if (tag.name === "event" && this.eventDepth < 0) {
      this.eventDepth = this.depth;
      this.event = {};
      this.eventLine = line;
    } else if (tag.name === "classifier" && this.traceDepth < 0) {
      const { name, keys } = tag.attributes;
      if (typeof name === "string" && typeof keys === "string") {
        const parsed = classifierKeys(keys);
        this.header.classifiers.push({ name, keys: parsed });
        if (name === this.classifier) this.keys = parsed;
      }
    } else if (SIMPLE.has(tag.name)) this.attribute(tag);
  }

  private attribute(tag: SaxesTagPlain): void {
    const key = tag.attributes.key;
    const value = tag.attributes.value;
    if (typeof key !== "string" || typeof value !== "string") return;
    if (this.event && this.depth === this.eventDepth + 1) this.event[key] = value;
    else if (!this.event && this.traceDepth > 0 && this.depth === this.traceDepth + 1)
      this.trace[`case:${key}`] = value;
  }

  close(name: string): void {
    if (name === "event" && this.depth === this.eventDepth && this.event) {
      const values: Record<string, unknown> = { ...this.trace, ...this.event };
      if (this.classifier !== undefined) values[CLASSIFIER_COLUMN] = this.classified(values);
      this.ready.push({ line: this.eventLine, values });
      this.event = null;
      this.eventDepth = -1;
    } else if (name === "trace" && this.depth === this.traceDepth) this.traceDepth = -1;
    this.depth--;
  }

  /** The activity by the chosen classifier: its keys' values joined with "+" (as pm4py). */
  private classified(values: Record<string, unknown>): string {
    if (!this.keys) {
      const known = this.header.classifiers.map((c) => `"${c.name}"`).join(", ") || "none";
      throw new WaylineError(
        "invalid_request",
        `classifier "${this.classifier}" is not declared in the file (declared: ${known})`,
        { field: "classifier" },
      );
    }
    return this.keys.map((k) => (typeof values[k] === "string" ? values[k] : "")).join("+");
  }
}

/** Counts expanded bytes of a `.gz` and fails past `limit` (a decompression bomb stops early). */
function expansionCap(limit: number, shown: string): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      seen += chunk.length;
      if (seen <= limit) return done(null, chunk);
      done(
        new WaylineError(
          "payload_too_large",
          `${shown}: expands to more than the limit of ${limit} bytes (WAYLINE_MAX_EXPANDED_MB)`,
          { limit },
        ),
      );
    },
  });
}

/**
 * Longest run of characters between two markup characters (`<`, `>`) seen so far: an attribute
 * value or a text node longer than the limit is refused before saxes buffers it.
 */
class MarkupRun {
  private run = 0;
  constructor(private readonly max: number) {}
  /** False once a run passes the limit. */
  feed(chunk: string): boolean {
    let last = -1;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (c === 60 || c === 62) {
        if (this.run + (i - last - 1) > this.max) return false;
        this.run = 0;
        last = i;
      }
    }
    this.run += chunk.length - last - 1;
    return this.run <= this.max;
  }
}

/**
 * Streams an XES (IEEE 1849) file, gzip-compressed when it ends in `.gz`, with saxes: trace
 * attributes become `case:<key>` columns on each of the trace's events (so the case id is
 * `case:concept:name`), event attributes keep their keys. Nested list/container values and
 * `<global>` defaults are ignored. With a `classifier` (declared in the file's header), each event
 * gets a `wayline:classifier` column: the classifier keys' values joined by "+". Bounded: no value or text over `limits.recordChars`, no `.gz`
 * expanding past `limits.expandedBytes` (both answered with a located 413).
 */
export async function* readXes(
  path: string,
  shown: string = path,
  limits: ReadLimits = readLimits(),
  classifier?: string,
  header?: (h: XesHeader) => void,
): AsyncGenerator<RawRow> {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const state = new XesState(classifier);
  header?.(state.header);
  const runs = new MarkupRun(limits.recordChars);
  parser.on("opentag", (tag) => state.open(tag as SaxesTagPlain, parser.line));
  parser.on("closetag", (tag) => state.close(tag.name));
  let input: NodeJS.ReadableStream = createReadStream(path);
  if (path.toLowerCase().endsWith(".gz"))
    input = input.pipe(createGunzip()).pipe(expansionCap(limits.expandedBytes, shown));
  input.setEncoding("utf8");
  try {
    for await (const chunk of input) {
      if (!runs.feed(chunk as string))
        throw recordTooLarge(shown, `line ${parser.line}: an XML value or text`, limits.recordChars);
      parser.write(chunk as string);
      yield* state.ready;
      state.ready = [];
    }
    parser.close();
  } catch (e) {
    if (e instanceof WaylineError) throw e;
    throw new WaylineError(
      "invalid_request",
      `${shown}: invalid XES at line ${parser.line}: ${(e as Error).message}`,
    );
  } finally {
    (input as unknown as { destroy?: () => void }).destroy?.();
  }
  yield* state.ready;
}
