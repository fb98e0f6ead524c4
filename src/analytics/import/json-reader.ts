import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { WaylineError } from "../../domain/errors.ts";
import { readSample } from "./csv-reader.ts";
import { JsonArraySplitter } from "./json-array-splitter.ts";
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

async function* ndjsonRows(path: string): AsyncGenerator<RawRow> {
  const lines = createInterface({
    input: createReadStream(path, "utf8"),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let n = 0;
  for await (const raw of lines) {
    n++;
    const text = n === 1 ? raw.replace(/^\uFEFF/, "") : raw;
    if (text.trim() !== "") yield toRow(text, n);
  }
}

async function* arrayRows(path: string): AsyncGenerator<RawRow> {
  const splitter = new JsonArraySplitter();
  let n = 0;
  for await (const chunk of createReadStream(path, "utf8")) {
    for (const text of splitter.push(
      n === 0 ? (chunk as string).replace(/^\uFEFF/, "") : (chunk as string),
    )) {
      n++;
      yield toRow(text, n);
    }
  }
  if (!splitter.finished) throw new WaylineError("invalid_request", `${path}: the JSON array is not closed`);
}

/**
 * Streams a JSON file of event objects: a top-level array (record numbers as `line`) or
 * newline-delimited JSON (one object per line, real line numbers).
 */
export async function readJson(path: string): Promise<RawSource> {
  const head = (await readSample(path, 4096)).replace(/^\uFEFF/, "").trimStart();
  return { rows: head.startsWith("[") ? arrayRows(path) : ndjsonRows(path) };
}
