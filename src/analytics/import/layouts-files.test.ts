import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { describeWithSharedLogs, EVENTLOGS_DIR } from "../testing/shared-logs.ts";
import { DURATION_KEY } from "./lifecycle.ts";
import { readAllEvents } from "./read-log.ts";
import { ORDER_LOOKAHEAD_ROWS } from "./timestamps/reader.ts";

const dir = mkdtempSync(join(tmpdir(), "wayline-layouts-"));
function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
const at = (y: number, mo: number, d: number, h = 0, mi = 0) => Date.UTC(y, mo - 1, d, h, mi);

describe("timestamps as tools export them", () => {
  it("decides DD/MM/YYYY from a later row, keeps the rows before it, and reports the choice", async () => {
    const path = file(
      "dmy.csv",
      "case,activity,time\nc1,A,03/04/2024 10:00\nc1,B,05/04/2024 11:00\nc2,A,13/04/2024 09:30\n",
    );
    const { events, report } = await readAllEvents(path);
    expect(report.errors).toEqual([]);
    expect(events.map((e) => e.timestamp)).toEqual([
      at(2024, 4, 3, 10),
      at(2024, 4, 5, 11),
      at(2024, 4, 13, 9, 30),
    ]);
    expect(events.map((e) => e.seq)).toEqual([0, 1, 2]);
    expect(report.timestamps?.order).toBe('DD/MM/YYYY, decided by line 4 ("13/04/2024 09:30")');
    expect(report.timestamps?.layouts).toEqual({ "DD/MM/YYYY": 3 });
  });

  it("decides MM/DD/YYYY with a 12-hour clock", async () => {
    const path = file("mdy.csv", "case,activity,time\nc1,A,4/3/2024 1:00 PM\nc1,B,4/15/2024 9:00 AM\n");
    const { events, report } = await readAllEvents(path);
    expect(events.map((e) => e.timestamp)).toEqual([at(2024, 4, 3, 13), at(2024, 4, 15, 9)]);
    expect(report.timestamps?.order).toContain("MM/DD/YYYY");
  });

  it("refuses a file whose dates never decide the order, naming line and option", async () => {
    const path = file("amb.csv", "case,activity,time\nc1,A,03/04/2024\nc1,B,05/06/2024\n");
    await expect(readAllEvents(path)).rejects.toThrow(
      /amb\.csv: line 2: dates like "03\/04\/2024" can be DD\/MM\/YYYY or MM\/DD\/YYYY.*--timestamp-format/,
    );
    const given = await readAllEvents(path, { timestampFormat: "%m/%d/%Y" });
    expect(given.events.map((e) => e.timestamp)).toEqual([at(2024, 3, 4), at(2024, 5, 6)]);
  });

  it(`holds back at most ${ORDER_LOOKAHEAD_ROWS} rows waiting for the order`, async () => {
    const rows = Array.from({ length: ORDER_LOOKAHEAD_ROWS + 1 }, (_, i) => `c${i},A,01/02/2024`).join("\n");
    const path = file("long.csv", `case,activity,time\n${rows}\n`);
    await expect(readAllEvents(path)).rejects.toThrow(`in the first ${ORDER_LOOKAHEAD_ROWS} rows`);
  });

  it("reads DD.MM.YYYY, RFC 2822 and epoch µs in one file and counts each layout", async () => {
    const path = file(
      "mixed.csv",
      'case,activity,time\nc1,A,22.10.2014 11:15\nc1,B,"Wed, 22 Oct 2014 12:15:00 +0000"\nc1,C,1413983700000000\n',
    );
    const { events, report } = await readAllEvents(path);
    expect(report.errors).toEqual([]);
    expect(events.map((e) => e.timestamp)).toEqual([
      at(2014, 10, 22, 11, 15),
      at(2014, 10, 22, 12, 15),
      at(2014, 10, 22, 13, 15),
    ]);
    expect(report.timestamps?.layouts).toEqual({ "DD.MM.YYYY": 1, "RFC 2822": 1, "epoch µs": 1 });
  });

  it("reads naive times in the given time zone", async () => {
    const path = file(
      "naive.csv",
      "case,activity,time\nc1,A,2024-07-01 12:00\nc1,B,2024-07-01 12:00+00:00\n",
    );
    const { events, report } = await readAllEvents(path, { timezone: "Europe/Berlin" });
    expect(events.map((e) => e.timestamp)).toEqual([at(2024, 7, 1, 10), at(2024, 7, 1, 12)]);
    expect(report.timestamps?.timezone).toBe("Europe/Berlin");
  });

  it("names the layout a bad value was read in", async () => {
    const path = file("bad.csv", "case,activity,time\nc1,A,31.02.2024 10:00\nc1,B,22.10.2024 10:00\n");
    const { report } = await readAllEvents(path);
    expect(report.errors).toEqual([
      {
        line: 2,
        column: "time",
        reason:
          '"31.02.2024 10:00" is not a valid DD.MM.YYYY timestamp (a field is out of range or the zone is unknown)',
      },
    ]);
  });

  it("refuses bad options before reading", async () => {
    const path = file("ok.csv", "case,activity,time\nc1,A,2024-01-01\n");
    await expect(readAllEvents(path, { timezone: "Mars/Base" })).rejects.toThrow('timezone "Mars/Base"');
    await expect(readAllEvents(path, { timestampFormat: "%Q" })).rejects.toThrow("unknown directive %Q");
  });
});

describeWithSharedLogs("lifecycle and classifiers (reviewing.xes: 1,452 starts, 2,278 completions)", () => {
  const xes = join(EVENTLOGS_DIR, "reviewing.xes");

  it("keeps every transition by default, completions only, or merges pairs with durations", async () => {
    const all = await readAllEvents(xes);
    expect(all.events.length).toBe(3730);
    const complete = await readAllEvents(xes, { lifecycle: "complete" });
    expect(complete.events.length).toBe(2278);
    expect(complete.report.events).toBe(2278);
    expect(complete.report.lifecycle).toMatchObject({
      mode: "complete",
      transitions: { start: 1452, complete: 2278 },
      dropped: 1452,
    });
    const merged = await readAllEvents(xes, { lifecycle: "merge" });
    const lc = merged.report.lifecycle;
    if (!lc) throw new Error("no lifecycle report");
    expect(lc.merged).toBeGreaterThan(0);
    expect(lc.merged + lc.unpaired).toBe(1452);
    expect(merged.events.length).toBe(3730 - lc.merged);
    expect(merged.report.events).toBe(merged.events.length);
    const withDuration = merged.events.filter((e) => e.attrs[DURATION_KEY] !== undefined);
    expect(withDuration.length).toBe(merged.report.lifecycle?.merged);
    expect(withDuration.every((e) => Number(e.attrs[DURATION_KEY]) >= 0)).toBe(true);
  });

  it("reads the declared classifiers and uses one by name", async () => {
    const plain = await readAllEvents(xes);
    expect(plain.report.classifiers?.map((c) => c.name)).toEqual([
      "MXML Legacy Classifier",
      "Event Name",
      "Resource",
    ]);
    const legacy = await readAllEvents(xes, { classifier: "MXML Legacy Classifier" });
    expect(new Set(legacy.events.map((e) => e.activity.split("+")[1]))).toEqual(
      new Set(["start", "complete"]),
    );
    expect(legacy.events[0]?.activity).toBe(
      `${plain.events[0]?.activity}+${plain.events[0]?.attrs["lifecycle:transition"]}`,
    );
    await expect(readAllEvents(xes, { classifier: "Nope" })).rejects.toThrow(
      'classifier "Nope" is not declared in the file (declared: "MXML Legacy Classifier", "Event Name", "Resource")',
    );
  });
});
