import { createReadStream } from "node:fs";
import { WaylineError } from "../../domain/errors.ts";
import { boundedLines } from "./bounded-lines.ts";
import { readSample } from "./csv-reader.ts";
import { ElementTooLarge, JsonArraySplitter } from "./json-array-splitter.ts";
import { type ReadLimits, readLimits, recordTooLarge } from "./limits.ts";
import type { RawRow, RawSource } from "./raw.ts";

function toRow(text: string, line: number): RawRow {
  try {
    const value: unknown = JSON.parse(text);
    if (value === null || typeof value !== "object" || Array.isArray(value))
      return { line, values: { __error: "expected a JSON object" } };
    return { line, values: value as Record<string, unknown> };
  } catch (e) {
    return { line, values: { __error: `invalid JSON: ${(e as Error).message}` } };
  }
}

async function* ndjsonRows(path: string, limits: ReadLimits): AsyncGenerator<RawRow> {
  const chunks = createReadStream(path, "utf8") as AsyncIterable<string>;
  for await (const line of boundedLines(chunks, limits.recordChars)) {
    if ("tooLong" in line) {
      yield {
        line: line.n,
        values: { __error: `the line is longer than the limit of ${limits.recordChars} characters` },
      };
      continue;
    }
    const text = line.n === 1 ? line.text.replace(/^\uFEFF/, "") : line.text;
    if (text.trim() !== "") yield toRow(text, line.n);
  }
}

async function* arrayRows(path: string, shown: string, limits: ReadLimits): AsyncGenerator<RawRow> {
  const splitter = new JsonArraySplitter(limits.recordChars);
  let n = 0;
  let first = true;
  for await (const chunk of createReadStream(path, "utf8")) {
    let texts: string[];
    try {
      texts = splitter.push(first ? (chunk as string).replace(/^\uFEFF/, "") : (chunk as string));
    } catch (e) {
      if (e instanceof ElementTooLarge) throw recordTooLarge(shown, `record ${n + 1}`, limits.recordChars);
      throw e;
    }
    first = false;
    for (const text of texts) {
      n++;
      yield toRow(text, n);
    }
  }
  if (!splitter.finished) throw new WaylineError("invalid_request", `${shown}: the JSON array is not closed`);
}

/**
 * Streams a JSON file of event objects: a top-level array (record numbers as `line`) or
 * newline-delimited JSON (one object per line, real line numbers).
 */
export async function readJson(
  path: string,
  shown: string = path,
  limits: ReadLimits = readLimits(),
): Promise<RawSource> {
  const head = (await readSample(path, 4096)).replace(/^\uFEFF/, "").trimStart();
  return { rows: head.startsWith("[") ? arrayRows(path, shown, limits) : ndjsonRows(path, limits) };
}
