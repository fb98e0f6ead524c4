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

/**
 * An API page that wraps its records: `{"tickets": [ … ], "next_page": …}` (Zendesk, and most
 * REST list answers). The records are the array under the first key; the rest is not read.
 */
const WRAPPED = /^\{\s*"((?:[^"\\]|\\.)*)"\s*:\s*\[/;

async function* arrayRows(
  path: string,
  shown: string,
  limits: ReadLimits,
  wrapped = false,
): AsyncGenerator<RawRow> {
  const splitter = new JsonArraySplitter(limits.recordChars);
  let n = 0;
  let first = true;
  for await (const chunk of createReadStream(path, "utf8")) {
    if (splitter.finished) break;
    let text = first ? (chunk as string).replace(/^\uFEFF/, "") : (chunk as string);
    // The wrapper's opening (`{"tickets": `) is within the first 4 KiB: readJson checked it there.
    if (first && wrapped) {
      const lead = text.length - text.trimStart().length;
      text = text.slice(lead + (WRAPPED.exec(text.slice(lead))?.[0].length ?? 1) - 1);
    }
    let texts: string[];
    try {
      texts = splitter.push(text);
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
 * Streams a JSON file of event objects: a top-level array (record numbers as `line`), an API
 * page wrapping one (`{"tickets": [ … ]}`, see WRAPPED) or newline-delimited JSON (one object per
 * line, real line numbers).
 */
export async function readJson(
  path: string,
  shown: string = path,
  limits: ReadLimits = readLimits(),
): Promise<RawSource> {
  const head = (await readSample(path, 4096)).replace(/^\uFEFF/, "").trimStart();
  if (head.startsWith("[")) return { rows: arrayRows(path, shown, limits) };
  if (WRAPPED.test(head)) return { rows: arrayRows(path, shown, limits, true) };
  return { rows: ndjsonRows(path, limits) };
}
