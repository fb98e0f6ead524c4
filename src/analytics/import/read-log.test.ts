import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { readAllEvents } from "./read-log.ts";

const dir = mkdtempSync(join(tmpdir(), "wayline-import-"));
function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe("readEventLog: CSV", () => {
  it("handles BOM, semicolons, quoted fields with delimiters, quotes and newlines", async () => {
    const path = file(
      "bom.csv",
      '\uFEFFcase_id;event;timestamp;note\nc1;"Sign; up";2024-01-01T10:00:00Z;"said ""hi""\nthen left"\nc1;Buy;2024-01-01 11:00:00+01:00;\n',
    );
    const { events, report } = await readAllEvents(path);
    expect(report.errors).toEqual([]);
    expect(events.map((e) => e.activity)).toEqual(["Sign; up", "Buy"]);
    expect(events[0]?.attrs).toEqual({ note: 'said "hi"\nthen left' });
    expect(events[1]?.timestamp).toBe(Date.UTC(2024, 0, 1, 10));
    expect(events.map((e) => e.seq)).toEqual([0, 1]);
  });

  it("reads TSV and epoch timestamps", async () => {
    const path = file(
      "log.tsv",
      "user_id\tevent_name\ttime\nu1\tOpen\t1700000000\nu1\tClose\t1700000000500\n",
    );
    const { events } = await readAllEvents(path);
    expect(events.map((e) => e.timestamp)).toEqual([1_700_000_000_000, 1_700_000_000_500]);
  });

  it("reports invalid rows with line, column and reason, and keeps going", async () => {
    const path = file(
      "bad.csv",
      "case_id,event,timestamp\nc1,A,2024-01-01\nc2,,2024-01-01\nc3,B,soon\nc4,C\nc5,D,2024-01-02\n",
    );
    const { events, report } = await readAllEvents(path);
    expect(events.map((e) => e.caseId)).toEqual(["c1", "c5"]);
    expect(report.errors).toEqual([
      { line: 3, column: "event", reason: "empty activity" },
      { line: 4, column: "timestamp", reason: expect.stringMatching(/"soon" is not a timestamp/) },
      { line: 5, reason: "expected 3 fields, found 2" },
    ]);
  });

  it("stops with a clear error past the error limit", async () => {
    const rows = Array.from({ length: 5 }, (_, i) => `c${i},A,never`).join("\n");
    const path = file("many-bad.csv", `case_id,event,timestamp\n${rows}\n`);
    await expect(readAllEvents(path, { errorLimit: 2 })).rejects.toThrow(/more than 2 invalid rows.*line 4/);
  });

  it("uses overrides and rejects unknown columns", async () => {
    const path = file("custom.csv", "who,what,when\nx,A,2024-01-01\n");
    // One row: "when" holds a date, but nothing tells the case from the activity.
    await expect(readAllEvents(path)).rejects.toThrow(/cannot tell the case column: "who" .* and "what"/);
    const { events } = await readAllEvents(path, { case: "who", activity: "what", timestamp: "when" });
    expect(events).toHaveLength(1);
  });

  it("rejects a missing file and bad options", async () => {
    await expect(readAllEvents(join(dir, "nope.csv"))).rejects.toThrow(/cannot read: ENOENT/);
    await expect(readAllEvents(join(dir, "nope.csv"), { errorLimit: -1 } as never)).rejects.toThrow(
      /invalid import options/,
    );
  });
});

describe("readEventLog: JSON", () => {
  it("streams a JSON array, including braces and commas inside strings", async () => {
    const path = file(
      "log.json",
      JSON.stringify([
        { case_id: "c1", event: "A, {x}", timestamp: "2024-01-01T00:00:00Z", n: 1 },
        { case_id: "c1", event: "B ]", timestamp: 1704067260000 },
      ]),
    );
    const { events } = await readAllEvents(path);
    expect(events.map((e) => [e.activity, e.timestamp])).toEqual([
      ["A, {x}", Date.UTC(2024, 0, 1)],
      ["B ]", Date.UTC(2024, 0, 1, 0, 1)],
    ]);
    expect(events[0]?.attrs).toEqual({ n: "1" });
  });

  it("reads NDJSON and reports bad lines by number", async () => {
    const path = file(
      "log.ndjson",
      '{"case_id":"c1","event":"A","timestamp":"2024-01-01"}\n\nnot json\n[1]\n',
    );
    const { events, report } = await readAllEvents(path);
    expect(events).toHaveLength(1);
    expect(report.errors.map((e) => [e.line, e.reason.slice(0, 12)])).toEqual([
      [3, "invalid JSON"],
      [4, "expected a J"],
    ]);
  });
});

describe("readEventLog: XES", () => {
  const xes = `<?xml version="1.0"?><log><global scope="event"><string key="concept:name" value="x"/></global>
<trace><string key="concept:name" value="t1"/><string key="channel" value="web"/>
<event><string key="concept:name" value="A"/><date key="time:timestamp" value="2024-01-01T10:00:00+01:00"/><int key="cost" value="5"/>
<list key="l"><string key="inner" value="ignored"/></list></event>
<event><string key="concept:name" value="B"/><date key="time:timestamp" value="2024-01-01T09:30:00Z"/></event>
</trace></log>`;

  it("maps trace attributes to case:* columns and ignores globals and lists", async () => {
    const { events } = await readAllEvents(file("log.xes", xes));
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({ caseId: "t1", activity: "A", timestamp: Date.UTC(2024, 0, 1, 9) });
    expect(events[0]?.attrs).toEqual({ "case:channel": "web", cost: "5" });
  });

  it("reads .xes.gz streamed through gunzip", async () => {
    const { events } = await readAllEvents(file("log.xes.gz", gzipSync(xes)));
    expect(events.map((e) => e.activity)).toEqual(["A", "B"]);
  });

  it("rejects malformed XML with a line number", async () => {
    await expect(readAllEvents(file("bad.xes", "<log>\n<trace>\n</log>"))).rejects.toThrow(
      /invalid XES at line \d/,
    );
  });
});
