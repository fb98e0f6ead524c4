import { createReadStream } from "node:fs";
import { createGunzip } from "node:zlib";
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { WaylineError } from "../../domain/errors.ts";
import type { RawRow } from "./raw.ts";

/** XES attribute elements whose `value` we keep (lists and containers are skipped). */
const SIMPLE = new Set(["string", "date", "int", "float", "boolean", "id"]);

/** Parser state: where we are in log → trace → event and what has been collected. */
class XesState {
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
      this.ready.push({ line: this.eventLine, values: { ...this.trace, ...this.event } });
      this.event = null;
      this.eventDepth = -1;
    } else if (name === "trace" && this.depth === this.traceDepth) this.traceDepth = -1;
    this.depth--;
  }
}

/**
 * Streams an XES (IEEE 1849) file, gzip-compressed when it ends in `.gz`, with saxes: trace
 * attributes become `case:<key>` columns on each of the trace's events (so the case id is
 * `case:concept:name`), event attributes keep their keys. Nested list/container values and
 * `<global>` defaults are ignored.
 */
export async function* readXes(path: string): AsyncGenerator<RawRow> {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const state = new XesState();
  parser.on("opentag", (tag) => state.open(tag as SaxesTagPlain, parser.line));
  parser.on("closetag", (tag) => state.close(tag.name));
  let input: NodeJS.ReadableStream = createReadStream(path);
  if (path.toLowerCase().endsWith(".gz")) input = input.pipe(createGunzip());
  input.setEncoding("utf8");
  try {
    for await (const chunk of input) {
      parser.write(chunk as string);
      yield* state.ready;
      state.ready = [];
    }
    parser.close();
  } catch (e) {
    throw new WaylineError(
      "invalid_request",
      `${path}: invalid XES at line ${parser.line}: ${(e as Error).message}`,
    );
  }
  yield* state.ready;
}
