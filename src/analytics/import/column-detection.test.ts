import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { contentScore, pairScore, profileColumn } from "../../domain/csv/column-scores.ts";
import { ORACLE_ENGINE, openEngine } from "../registry.ts";
import { detectColumnsByName, detectLogColumns, timestampTest } from "./columns.ts";
import { readAllEvents } from "./read-log.ts";

const dir = mkdtempSync(join(tmpdir(), "wayline-detect-"));
function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
const SAMPLE = fileURLToPath(new URL("./samples/odd-headers-de.csv", import.meta.url));
const isTs = timestampTest();
/** Rows as objects from a header and arrays of cells. */
const rows = (header: string[], body: string[][]) =>
  body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ""])));

describe("content scores", () => {
  it("reads timestamps as the importer does, and bare ids are not epochs", () => {
    expect(isTs("2024/10/22 11:15:41.000")).toBe(true);
    expect(isTs("03.04.2024 08:15")).toBe(true);
    expect(isTs("03/04/2024")).toBe(true); // day/month still open: shaped like a date
    expect(isTs("1709632800")).toBe(true); // epoch seconds in 2024
    expect(isTs("1001")).toBe(false); // 1970: an id, not a time
    expect(isTs("Antrag erfasst")).toBe(false);
    expect(timestampTest({ timestampFormat: "%d|%m|%Y" })("03|04|2024")).toBe(true);
  });

  it("scores a timestamp column only when nearly every value is one", () => {
    const good = profileColumn(["2024-01-01", "2024-01-02", "2024-01-03"], isTs);
    const half = profileColumn(["2024-01-01", "soon", "later", "2024-01-03"], isTs);
    expect(contentScore(good, "timestamp")).toBeGreaterThan(0.9);
    expect(contentScore(half, "timestamp")).toBe(0);
    expect(contentScore(good, "case")).toBe(0);
    expect(contentScore(good, "activity")).toBe(0);
  });

  it("wants repeating values for case and activity, id-like for the case and words for the activity", () => {
    const ids = profileColumn(["F-1", "F-1", "F-2", "F-2", "F-3"], isTs);
    const words = profileColumn(["Antrag", "Prüfung", "Antrag", "Prüfung", "Antrag"], isTs);
    const unique = profileColumn(["a1", "a2", "a3"], isTs);
    expect(contentScore(ids, "case")).toBeGreaterThan(contentScore(words, "case"));
    expect(contentScore(words, "activity")).toBeGreaterThan(contentScore(ids, "activity"));
    expect(contentScore(unique, "case")).toBe(0);
    expect(contentScore(profileColumn(["1", "2", "1"], isTs), "activity")).toBe(0);
  });

  it("pairs a case with the column whose values vary within a case and start alike", () => {
    const cases = ["1", "1", "1", "2", "2", "2"];
    const activity = ["open", "check", "close", "open", "check", "close"];
    const resource = ["ann", "ann", "bob", "bob", "bob", "ann"];
    expect(pairScore(cases, activity)).toBe(0.5);
    expect(pairScore(cases, resource)).toBeLessThan(0.3);
    expect(pairScore(["1", "2"], ["a", "b"])).toBe(0);
  });
});

describe("detectLogColumns", () => {
  it("keeps known names first and says why", () => {
    const header = ["Case ID", "Activity", "Complete Timestamp"];
    const found = detectLogColumns(header, rows(header, [["1", "A", "2024/10/22 11:15:41.000"]]), {});
    expect(found.mapping).toEqual({ case: "Case ID", activity: "Activity", timestamp: "Complete Timestamp" });
    expect(found.choice.timestamp).toEqual({
      column: "Complete Timestamp",
      by: "name",
      reason: 'known timestamp name "complete_timestamp"; 1 distinct of 1 values, 100% timestamps',
    });
  });

  it("finds col1..col3 by content, in any order", () => {
    const header = ["col1", "col2", "col3"];
    const body = [
      ["2024-03-01T09:00:00Z", "C17", "Sign up"],
      ["2024-03-01T09:05:00Z", "C18", "Sign up"],
      ["2024-03-01T09:07:00Z", "C17", "Add to cart"],
      ["2024-03-01T09:20:00Z", "C19", "Sign up"],
      ["2024-03-01T09:21:00Z", "C18", "Add to cart"],
      ["2024-03-01T09:30:00Z", "C17", "Checkout"],
      ["2024-03-01T09:41:00Z", "C19", "Add to cart"],
    ];
    const found = detectLogColumns(header, rows(header, body), {});
    expect(found.mapping).toEqual({ case: "col2", activity: "col3", timestamp: "col1" });
    expect(found.choice.case.by).toBe("content");
    expect(found.choice.case.reason).toMatch(/^content \(score \d\.\d\d\): 3 distinct of 7 values, id-like$/);
    expect(found.choice.timestamp.reason).toMatch(/100% timestamps/);
  });

  it("lets a known name the values contradict give way to a column that holds timestamps", () => {
    const header = ["case_id", "event", "date", "logged"];
    const body = [
      ["1", "A", "n/a", "2024-01-01 10:00"],
      ["1", "B", "n/a", "2024-01-01 11:00"],
    ];
    const found = detectLogColumns(header, rows(header, body), {});
    expect(found.mapping.timestamp).toBe("logged");
    expect(found.choice.timestamp.by).toBe("content");
  });

  it("reports two columns that fit alike instead of guessing", () => {
    const header = ["case_id", "event", "start", "end"];
    const body = [
      ["1", "A", "2024-01-01 10:00", "2024-01-01 10:05"],
      ["1", "B", "2024-01-01 11:00", "2024-01-01 11:09"],
    ];
    expect(() => detectLogColumns(header, rows(header, body), {})).toThrow(
      /cannot tell the timestamp column: "(start|end)" \(.*\) and "(start|end)" \(.*\) fit alike; name it with --timestamp COLUMN/,
    );
    expect(detectLogColumns(header, rows(header, body), { timestamp: "end" }).choice.timestamp).toEqual({
      column: "end",
      by: "given",
      reason: "given",
    });
  });

  it("names what is missing when neither name nor content finds a role", () => {
    const header = ["a", "b"];
    const unique = [
      ["x1", "y1"],
      ["x2", "y2"],
    ];
    expect(() => detectLogColumns(header, rows(header, unique), {})).toThrow(
      /cannot find the case and activity and timestamp column\(s\) by name or content; columns are: a, b/,
    );
  });
});

describe("odd headers through the reader and the reference engine", () => {
  const expected = { case: "Fall", activity: "Vorgang", timestamp: "Zeit" };

  it("reads Zeit;Vorgang;Fall (German dates, a resource column) from content", async () => {
    const { events, report } = await readAllEvents(SAMPLE);
    expect(report.errors).toEqual([]);
    expect(report.mapping).toEqual(expected);
    expect(report.mappingChoice?.activity.by).toBe("content");
    expect(events).toHaveLength(18);
    expect(events[0]).toMatchObject({
      caseId: "F-1001",
      activity: "Antrag erfasst",
      timestamp: Date.UTC(2024, 3, 3, 8, 15),
      attrs: { Bearbeiter: "Meier" },
    });
  });

  it("reads when/what/who and the reference engine answers the same log", async () => {
    const people = ["ana", "ben", "cleo", "dev", "eli", "fay"];
    const steps = ["visit", "signup", "purchase"];
    const lines = people.flatMap((p, i) => steps.map((s, k) => `2024-05-0${1 + k}T1${i}:00:00Z,${s},${p}`));
    const path = file("www.csv", `when,what,who\n${lines.join("\n")}\n`);
    const { report } = await readAllEvents(path);
    expect(report.mapping).toEqual({ case: "who", activity: "what", timestamp: "when" });
    const engine = await openEngine(ORACLE_ENGINE);
    try {
      const loaded = await engine.load({ file: path });
      expect(loaded.mapping).toEqual({ case: "who", activity: "what", timestamp: "when" });
      const stats = await engine.stats();
      expect(stats).toMatchObject({ cases: 6, events: 18, activities: 3 });
      const variants = await engine.variants({ top: 5 });
      expect(variants.variants[0]).toMatchObject({ activities: steps, count: 6 });
    } finally {
      await engine.close();
    }
  });

  it("the reference engine reads the German sample like the reader", async () => {
    const engine = await openEngine(ORACLE_ENGINE);
    try {
      const loaded = await engine.load({ file: SAMPLE });
      expect(loaded.mapping).toEqual(expected);
      expect(await engine.stats()).toMatchObject({ cases: 5, events: 18, activities: 4 });
    } finally {
      await engine.close();
    }
  });
});

describe("detectColumnsByName (header-only readers)", () => {
  it("answers the known names with their reasons, undefined when a role has none", () => {
    expect(detectColumnsByName(["user_id", "event", "ts"], {})?.choice.case).toEqual({
      column: "user_id",
      by: "name",
      reason: 'known case name "user_id"',
    });
    expect(detectColumnsByName(["Zeit", "Vorgang", "Fall"], {})).toBeUndefined();
    expect(
      detectColumnsByName(["Zeit", "Vorgang", "Fall"], {
        case: "Fall",
        activity: "Vorgang",
        timestamp: "Zeit",
      })?.mapping,
    ).toEqual({ case: "Fall", activity: "Vorgang", timestamp: "Zeit" });
    expect(() => detectColumnsByName(["a"], { case: "b" })).toThrow(
      /column "b" \(given for the case\) is not in the file/,
    );
  });
});

describe("known case names are not second-guessed by content", () => {
  it("keeps a session id made of epoch seconds as the case", () => {
    // `device` looks like a case by content; the known name still wins.
    const header = ["session_id", "event", "ts", "device"];
    const body = [
      ["1709632800", "open", "2024-03-05T10:00:00Z", "d-1"],
      ["1709632800", "close", "2024-03-05T10:01:00Z", "d-1"],
      ["1709632900", "open", "2024-03-05T10:02:00Z", "d-2"],
    ];
    expect(detectLogColumns(header, rows(header, body), {}).mapping.case).toBe("session_id");
  });
});
