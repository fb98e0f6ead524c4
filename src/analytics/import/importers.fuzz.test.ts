import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { WaylineError } from "../../domain/errors.ts";
import { readAllEvents } from "./read-log.ts";

const dir = mkdtempSync(join(tmpdir(), "wayline-fuzz-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

/**
 * Reads one generated file: it must give a report (events and located row errors) or a
 * WaylineError — never another exception (a crash) — and a row error always has a line.
 */
async function readsSafely(ext: string, body: string): Promise<void> {
  const file = join(dir, `f${n++}.${ext}`);
  writeFileSync(file, body);
  const heap = process.memoryUsage().heapUsed;
  try {
    const { events, report } = await readAllEvents(
      file,
      {},
      { shown: `input.${ext}`, limits: { recordChars: 4096 } },
    );
    expect(report.events).toBe(events.length);
    for (const e of report.errors) expect(e.line).toBeGreaterThan(0);
    for (const e of events) expect(Number.isFinite(e.timestamp)).toBe(true);
  } catch (e) {
    if (!(e instanceof WaylineError)) throw e;
    expect(e.message.startsWith(`input.${ext}`)).toBe(true);
    expect(e.message).not.toContain(dir);
  } finally {
    rmSync(file, { force: true });
    // A few hundred bytes in: the reader must not balloon (garbage collection may lag, hence the margin).
    expect(process.memoryUsage().heapUsed - heap).toBeLessThan(HEAP_BOUND);
  }
}

/** Heap growth allowed while reading one small fuzzed file. */
const HEAP_BOUND = 64 * 1024 * 1024;

const VALID = {
  csv: 'case,activity,timestamp\n1,a,2024-01-01T00:00:00Z\n1,b,2024-01-01T00:01:00Z\n2,"a, quoted",1704067200\n',
  tsv: "case\tactivity\ttimestamp\n1\ta\t2024-01-01T00:00:00Z\n1\tb\t2024-01-01T00:01:00Z\n",
  ndjson:
    '{"case":"1","activity":"a","timestamp":"2024-01-01T00:00:00Z"}\n{"case":"2","activity":"b","timestamp":99999999999999999999}\n',
  json: '[{"case":"1","activity":"a","timestamp":"2024-01-01T00:00:00Z"},{"case":"1","activity":"b","timestamp":1704067200000}]',
  xes: '<?xml version="1.0"?><log><trace><string key="concept:name" value="c1"/><event><string key="concept:name" value="a"/><date key="time:timestamp" value="2024-01-01T00:00:00Z"/></event></trace></log>',
};

/** A valid file with random edits: deletions, insertions of hostile characters, duplications. */
const mutated = (base: string) =>
  fc
    .array(
      fc.record({
        at: fc.nat({ max: base.length }),
        cut: fc.nat({ max: 8 }),
        insert: fc.string({
          unit: fc.constantFrom(
            '"',
            ",",
            "\n",
            "\r",
            "{",
            "}",
            "[",
            "]",
            "<",
            ">",
            "\\",
            "\u0000",
            "a",
            "9",
            "-",
            ":",
            "\uFEFF",
          ),
          maxLength: 12,
        }),
      }),
      { maxLength: 6 },
    )
    .map((edits) => edits.reduce((s, e) => s.slice(0, e.at) + e.insert + s.slice(e.at + e.cut), base));

describe("importers never crash on random or mutated input (fuzz, seeded, bounded)", () => {
  for (const [ext, base] of Object.entries(VALID)) {
    it(`${ext}: mutated valid files give a result or a located WaylineError`, async () => {
      await fc.assert(
        fc.asyncProperty(mutated(base), (body) => readsSafely(ext, body)),
        { seed: 15, numRuns: 60 },
      );
    });
    it(`${ext}: random text gives a result or a WaylineError`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.string({ maxLength: 300 }), (body) => readsSafely(ext, body)),
        { seed: 16, numRuns: 40 },
      );
    });
  }
});
