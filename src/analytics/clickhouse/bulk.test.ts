import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { readAllEvents } from "../import/read-log.ts";
import type { LogEvent } from "../model.ts";
import { ReferenceEngine } from "../reference/reference-engine.ts";
import { expectSameAnswer } from "../testing/approx.ts";
import { describeEngine } from "../testing/engines.ts";
import { ClickHouseEngine } from "./clickhouse-engine.ts";

const dir = mkdtempSync(join(tmpdir(), "wayline-ch-bulk-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Values the text formats escape: tab, line breaks, quotes, backslashes, edge spaces, brackets. */
const AWKWARD = [
  "tab\there",
  "line\nbreak",
  "cr\rlf",
  "it's",
  'say "hi"',
  "back\\slash",
  " edge ",
  "[1,'2']",
  "ünï €",
];

function awkwardCsv(): string {
  const q = (v: string) => `"${v.replace(/"/g, '""')}"`;
  const lines = ["case,activity,timestamp,note,empty"];
  AWKWARD.forEach((v, i) => {
    lines.push(
      `${q(`c${i % 3} ${v}`)},${q(`act ${v}`)},2024-01-0${1 + (i % 5)}T10:00:00.${100 + i}Z,${q(v)},`,
    );
    lines.push(`${q(`c${i % 3} ${v}`)},Close,2024-01-09T10:00:00Z,,`);
  });
  return `${lines.join("\n")}\n`;
}

async function sorted(events: AsyncIterable<LogEvent>): Promise<LogEvent[]> {
  const all: LogEvent[] = [];
  for await (const e of events) all.push(e);
  return all.sort((a, b) => a.seq - b.seq);
}

async function compare(file: string): Promise<void> {
  const ch = await ClickHouseEngine.open();
  const oracle = new ReferenceEngine();
  try {
    const report = await ch.load({ file });
    const expected = await readAllEvents(file);
    await oracle.load({ events: expected.events });
    expect(report.events).toBe(expected.report.events);
    expect(report.errors).toEqual(expected.report.errors);
    // Every value survives the text format byte for byte, attributes included.
    expect(await sorted(ch.streamEvents())).toEqual(expected.events);
    expectSameAnswer(await ch.stats(), await oracle.stats());
    expectSameAnswer(await ch.dfg(), await oracle.dfg());
    expectSameAnswer(
      await ch.funnel({ steps: [`act ${AWKWARD[0]}`, "Close"], by: "note" }),
      await oracle.funnel({ steps: [`act ${AWKWARD[0]}`, "Close"], by: "note" }),
    );
  } finally {
    await ch.close();
  }
}

describeEngine("clickhouse", "ClickHouse bulk load", () => {
  it("loads a clean CSV through DuckDB and FORMAT CSV with every awkward value intact", async () => {
    const file = join(dir, "clean.csv");
    writeFileSync(file, awkwardCsv());
    await compare(file);
  });

  it("streams a CSV with invalid rows through the importer (TabSeparated), reporting them by (physical) line and column", async () => {
    const file = join(dir, "bad.csv");
    writeFileSync(file, `${awkwardCsv()}"c9",,2024-01-01T00:00:00Z,x,\nc9,Open,not a time,y,\n`);
    await compare(file);
    const ch = await ClickHouseEngine.open();
    try {
      const report = await ch.load({ file, name: "upload.csv" });
      expect(report.errors).toEqual([
        { line: 28, column: "activity", reason: "empty activity" },
        expect.objectContaining({ line: 29, column: "timestamp" }),
      ]);
    } finally {
      await ch.close();
    }
  });

  it("streams NDJSON and live appends as TabSeparated", async () => {
    const file = join(dir, "log.ndjson");
    const rows = AWKWARD.map((v, i) => ({
      case: `k${i % 2}`,
      activity: v,
      timestamp: 1_700_000_000_000 + i,
      note: v,
    }));
    writeFileSync(file, `${rows.map((r) => JSON.stringify(r)).join("\n")}\n`);
    await compare(file);
    const ch = await ClickHouseEngine.open();
    try {
      await ch.load({ file });
      const extra = AWKWARD.map((v, i) => ({
        caseId: v,
        activity: "Late",
        timestamp: 1_800_000_000_000 + i,
        seq: 0,
        attrs: { [v]: v },
      }));
      expect(await ch.append(extra)).toBe(AWKWARD.length);
      const all = await sorted(ch.streamEvents());
      expect(all.slice(-AWKWARD.length)).toEqual(extra.map((e, i) => ({ ...e, seq: AWKWARD.length + i })));
    } finally {
      await ch.close();
    }
  });
});
