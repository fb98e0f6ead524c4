import { describe, expect, it } from "vitest";
import { epochToMs, parseTimestamp } from "./timestamp.ts";

describe("parseTimestamp", () => {
  const utc = Date.UTC(2010, 11, 30, 13, 32, 0);
  it.each([
    ["2010-12-30 14:32:00+01:00", utc],
    ["2010-12-30T14:32:00.000+01:00", utc],
    ["2010-12-30T13:32:00Z", utc],
    ["2010-12-30 13:32:00", utc],
    ["2010-12-30 15:32:00+0200", utc],
    ["2010-12-30 08:32:00-05", utc],
    ["2010-12-30 13:32", utc],
    ["2010-12-30 13:32:00.123456", utc + 123],
    ["2010-12-30", Date.UTC(2010, 11, 30)],
    ["2010/12/30 13:32:00", utc],
    ["2010/12/30 13:32:00.000", utc],
    ["2010/12/30 13:32", utc],
    ["2010/12/30T14:32:00+01:00", utc],
    ["2010/12/30", Date.UTC(2010, 11, 30)],
    ["2014/10/22 11:15:41.123", Date.UTC(2014, 9, 22, 11, 15, 41, 123)],
    ["1293715920", utc],
    ["1293715920000", utc],
    ["1293715920.5", utc + 500],
  ])("parses %s", (text, ms) => {
    expect(parseTimestamp(text)).toBe(ms);
  });

  it("treats naive times as UTC", () => {
    expect(parseTimestamp("2020-06-01 00:00:00")).toBe(Date.UTC(2020, 5, 1));
  });

  it("orders the same instant written with different offsets identically", () => {
    expect(parseTimestamp("2011-10-11 13:45:40.276+02:00")).toBe(
      parseTimestamp("2011-10-11 12:45:40.276+01:00"),
    );
    expect(parseTimestamp("2011-10-11 13:00:00+02:00")).toBeLessThan(
      parseTimestamp("2011-10-11 12:30:00+01:00") as number,
    );
  });

  it("accepts numbers (epoch s / ms)", () => {
    expect(parseTimestamp(1293715920)).toBe(utc);
    expect(parseTimestamp(1293715920000)).toBe(utc);
    expect(epochToMs(-1.5)).toBe(-1500);
  });

  it.each([
    "",
    "yesterday",
    "2021-02-30 10:00:00",
    "2021-13-01",
    "2021-01-01 24:00:00",
    "2021-01-01 10:61",
    "12:00",
    "2014/10-22",
    "2014-10/22",
    "2021/02/30 10:00:00",
    "2021/13/01",
    "2014/10/22 24:00:00",
    "14/10/22",
    NaN,
  ])("rejects %s", (text) => {
    expect(parseTimestamp(text)).toBeNull();
  });
});
