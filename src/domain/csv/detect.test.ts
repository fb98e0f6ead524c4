import { describe, expect, it } from "vitest";
import { WaylineError } from "../errors.ts";
import { detectDelimiter, detectDelimiterInSample, sampleLines } from "./delimiter.ts";
import { detectColumns, guessColumns } from "./log-columns.ts";

// The one detection the web preview (web/journey-data/csv-preview.ts) and the server import
// (analytics/import/{delimiter,columns}.ts) both run.

describe("detectDelimiter", () => {
  it.each([
    [["a,b,c", "1,2,3"], ","],
    [["a;b;c", "1;2,5;3", "4;5;6"], ";"],
    [["a\tb\tc", "1\t2\t3"], "\t"],
    [["a|b", "1|2"], "|"],
    [['"x;y",b,c', '"1;2",2,3'], ","],
  ])("detects %j", (lines, delimiter) => {
    expect(detectDelimiter(lines)).toBe(delimiter);
  });

  it("prefers the delimiter consistent on most lines over one that splits the header more", () => {
    // Three commas on the header, but the rows disagree; two semicolons on every line.
    expect(detectDelimiter(["a,b;c,d;e,f", "1;2;3", "4;5;6", "7,8;9"])).toBe(";");
  });

  it("answers a comma when no candidate occurs on the header", () => {
    expect(detectDelimiter(["justonecolumn", "a;b"])).toBe(",");
    expect(detectDelimiter([])).toBe(",");
  });
});

describe("sampleLines / detectDelimiterInSample", () => {
  it("drops the BOM, blank lines and the last line a byte sample may have cut", () => {
    expect(sampleLines("\uFEFFa;b\r\n\r\n1;2\n3;4\n5;")).toEqual(["a;b", "1;2", "3;4"]);
    expect(sampleLines("a;b\n1;2")).toEqual(["a;b", "1;2"]);
  });

  it("reads at most 20 lines", () => {
    const sample = ["a|b", ...Array.from({ length: 40 }, (_, i) => `${i}|x`)].join("\n");
    expect(sampleLines(sample)).toHaveLength(20);
  });

  it("detects a tab-separated file whose last row is cut in the middle", () => {
    expect(detectDelimiterInSample("case\tactivity\ttime\n1\ta\t2024\n1\tb\t2024\n2\tc")).toBe("\t");
  });
});

describe("guessColumns", () => {
  it("prefers XES names over common ones", () => {
    const header = ",concept:name,org:resource,time:timestamp,Activity,case:concept:name".split(",");
    expect(guessColumns(header)).toEqual({
      case: "case:concept:name",
      activity: "concept:name",
      timestamp: "time:timestamp",
    });
  });

  it("matches names ignoring case, spaces, underscores and dashes", () => {
    expect(guessColumns(["Client-ID", "EventName", "Event Time"])).toEqual({
      case: "Client-ID",
      activity: "EventName",
      timestamp: "Event Time",
    });
    expect(guessColumns(["caseid", "ACTION", "created_at"])).toEqual({
      case: "caseid",
      activity: "ACTION",
      timestamp: "created_at",
    });
  });

  it.each([
    [
      ["Case ID", "Activity", "Complete Timestamp"],
      ["Case ID", "Activity", "Complete Timestamp"],
    ],
    [
      ["case:concept:name", "concept:name", "time:timestamp"],
      ["case:concept:name", "concept:name", "time:timestamp"],
    ],
    [
      ["ticket_id", "action", "created_at"],
      ["ticket_id", "action", "created_at"],
    ],
    [
      ["session_id", "event", "event_time"],
      ["session_id", "event", "event_time"],
    ],
    [
      ["Case ID", "Activity", "Start Timestamp"],
      ["Case ID", "Activity", "Start Timestamp"],
    ],
  ])("detects the columns of %j", (header, [c, a, t]) => {
    expect(guessColumns(header)).toEqual({ case: c, activity: a, timestamp: t });
  });

  it("prefers Complete Timestamp over Start Timestamp in interval logs, whatever the order", () => {
    const bpi = ["Case ID", "Activity", "Start Timestamp", "Complete Timestamp", "Resource"];
    expect(guessColumns(bpi).timestamp).toBe("Complete Timestamp");
    expect(guessColumns([...bpi].reverse()).timestamp).toBe("Complete Timestamp");
    expect(guessColumns(["ticket_id", "user_id", "event", "ts"]).case).toBe("ticket_id");
  });

  it("does not give one column two roles: overrides are reserved first", () => {
    expect(guessColumns(["case", "user_id", "event", "ts"], { activity: "case" })).toEqual({
      case: "user_id",
      activity: "case",
      timestamp: "ts",
    });
    expect(guessColumns(["case_id", "when"], { timestamp: "case_id" })).toEqual({ timestamp: "case_id" });
  });

  it("leaves unknown roles out and keeps valid overrides", () => {
    expect(guessColumns(["foo", "bar"])).toEqual({});
    expect(guessColumns(["who", "what", "when"], { case: "who" })).toEqual({ case: "who" });
  });

  it("rejects an override that is not a column", () => {
    expect(() => guessColumns(["a", "b"], { timestamp: "c" })).toThrow(
      /column "c" \(given for the timestamp\) is not in the file; columns are: a, b/,
    );
  });
});

describe("detectColumns", () => {
  it("answers all three columns", () => {
    expect(detectColumns(["user_id", "event_name", "ts"])).toEqual({
      case: "user_id",
      activity: "event_name",
      timestamp: "ts",
    });
  });

  it("names every missing role and the columns present", () => {
    const err = (() => {
      try {
        detectColumns(["visitor_id", "colour"]);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(WaylineError);
    expect((err as WaylineError).code).toBe("invalid_request");
    expect((err as WaylineError).message).toBe(
      "cannot find the activity and timestamp column(s); columns are: visitor_id, colour; name them with --activity COLUMN",
    );
    expect((err as WaylineError).details).toEqual({
      missing: ["activity", "timestamp"],
      columns: ["visitor_id", "colour"],
    });
  });
});
