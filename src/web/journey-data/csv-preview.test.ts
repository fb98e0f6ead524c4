import { describe, expect, it } from "vitest";
import { detectDelimiter, guessColumns, previewCsv, splitLine } from "./csv-preview.ts";

describe("CSV preview and column detection", () => {
  it("splits quoted fields, keeping delimiters and doubled quotes inside quotes", () => {
    expect(splitLine('a,"b, c","say ""hi""",', ",")).toEqual(["a", "b, c", 'say "hi"', ""]);
  });

  it("detects comma, semicolon, tab and pipe delimiters", () => {
    expect(detectDelimiter(["a,b,c", "1,2,3"])).toBe(",");
    expect(detectDelimiter(["a;b;c", "1,5;2;3"])).toBe(";");
    expect(detectDelimiter(["a\tb", "1\t2"])).toBe("\t");
    expect(detectDelimiter(["a|b|c|d", "1|2|3|4"])).toBe("|");
  });

  it("falls back to comma when no delimiter splits every line consistently", () => {
    expect(detectDelimiter(["justonecolumn", "value"])).toBe(",");
  });

  it("reads the header and at most `max` rows, dropping a BOM and blank lines", () => {
    const text = `\uFEFFcase;event;time\r\n1;a;2024-01-01\r\n\r\n1;b;2024-01-02\n2;a;2024-01-03\n`;
    const p = previewCsv(text, 2);
    expect(p.delimiter).toBe(";");
    expect(p.header).toEqual(["case", "event", "time"]);
    expect(p.rows).toEqual([
      ["1", "a", "2024-01-01"],
      ["1", "b", "2024-01-02"],
    ]);
  });

  it("guesses XES columns of the running example", () => {
    const header =
      ",concept:name,org:resource,time:timestamp,Activity,Resource,Costs,case:concept:name,case:creator".split(
        ",",
      );
    expect(guessColumns(header)).toEqual({
      case: "case:concept:name",
      activity: "concept:name",
      timestamp: "time:timestamp",
    });
  });

  it("guesses common analytics names and leaves unknown roles to the server", () => {
    expect(guessColumns(["user_id", "event_name", "event_time", "channel"])).toEqual({
      case: "user_id",
      activity: "event_name",
      timestamp: "event_time",
    });
    expect(guessColumns(["foo", "bar"])).toEqual({ case: "", activity: "", timestamp: "" });
  });
});
