import { describe, expect, it } from "vitest";
import { WaylineError } from "../../domain/errors.ts";
import { detectColumns } from "./columns.ts";
import { detectDelimiter } from "./delimiter.ts";

describe("detectColumns", () => {
  it("prefers XES names", () => {
    expect(detectColumns(["Activity", "concept:name", "case:concept:name", "time:timestamp"])).toEqual({
      case: "case:concept:name",
      activity: "concept:name",
      timestamp: "time:timestamp",
    });
  });

  it("finds common names case-insensitively", () => {
    expect(detectColumns(["User_ID", "Event Name", "event_time", "channel"])).toEqual({
      case: "User_ID",
      activity: "Event Name",
      timestamp: "event_time",
    });
  });

  it("applies overrides", () => {
    expect(
      detectColumns(["who", "what", "when"], { case: "who", activity: "what", timestamp: "when" }),
    ).toEqual({
      case: "who",
      activity: "what",
      timestamp: "when",
    });
  });

  it("rejects an override that is not a column", () => {
    expect(() => detectColumns(["case_id", "event", "time"], { case: "nope" })).toThrow(
      /"nope".*not in the file/,
    );
  });

  it("names the missing column and the columns present", () => {
    try {
      detectColumns(["case_id", "colour"]);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(WaylineError);
      expect((e as WaylineError).message).toMatch(/activity and timestamp.*case_id, colour/);
    }
  });
});

describe("detectDelimiter", () => {
  it.each([
    ["a,b,c\n1,2,3\n4,5,6\n", ","],
    ["a;b;c\n1;2,5;3\n4;5;6\n", ";"],
    ["a\tb\tc\n1\t2\t3\n", "\t"],
    ["a|b\n1|2\n", "|"],
    ['"x;y",b,c\n"1;2",2,3\n"4;5",5,6\n', ","],
  ])("detects %j", (sample, delimiter) => {
    expect(detectDelimiter(sample)).toBe(delimiter);
  });
});
