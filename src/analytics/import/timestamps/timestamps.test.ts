import { describe, expect, it } from "vitest";
import { WaylineError } from "../../../domain/errors.ts";
import { parseTimestamp, readTimestamp } from "../timestamp.ts";
import { checkTimestampSettings, TimestampReader } from "./reader.ts";
import { compileFormat } from "./strftime.ts";
import { zoneOffsetMinutes } from "./zones.ts";

const at = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0) =>
  Date.UTC(y, mo - 1, d, h, mi, s, ms);

describe("built-in layouts", () => {
  it.each([
    ["22.10.2014 11:15:41", at(2014, 10, 22, 11, 15, 41), "DD.MM.YYYY"],
    ["22.10.2014", at(2014, 10, 22), "DD.MM.YYYY"],
    ["1.2.2014 9:05", at(2014, 2, 1, 9, 5), "DD.MM.YYYY"],
    ["22.10.2014 11:15:41.250", at(2014, 10, 22, 11, 15, 41, 250), "DD.MM.YYYY"],
    ["Wed, 22 Oct 2014 11:15:41 +0200", at(2014, 10, 22, 9, 15, 41), "RFC 2822"],
    ["22 Oct 2014 11:15 GMT", at(2014, 10, 22, 11, 15), "RFC 2822"],
    ["Tue, 21 Oct 2014 23:00:00 EST", at(2014, 10, 22, 4), "RFC 2822"],
    ["2014-10-22 03:15 PM", at(2014, 10, 22, 15, 15), "YYYY-MM-DD"],
    ["2014-10-22 12:00:00 AM", at(2014, 10, 22, 0), "YYYY-MM-DD"],
    ["2014-10-22 12:30 pm", at(2014, 10, 22, 12, 30), "YYYY-MM-DD"],
    ["2014-10-22 11:15:41 UTC", at(2014, 10, 22, 11, 15, 41), "YYYY-MM-DD"],
    ["2014-07-22 11:15:41 Europe/Berlin", at(2014, 7, 22, 9, 15, 41), "YYYY-MM-DD"],
    ["2014-01-22 11:15:41 Europe/Berlin", at(2014, 1, 22, 10, 15, 41), "YYYY-MM-DD"],
    ["2014-10-22T11:15:41.123456789Z", at(2014, 10, 22, 11, 15, 41, 123), "YYYY-MM-DD"],
    ["1413976541", at(2014, 10, 22, 11, 15, 41), "epoch s"],
    ["1413976541123", at(2014, 10, 22, 11, 15, 41, 123), "epoch ms"],
    ["1413976541123456", at(2014, 10, 22, 11, 15, 41, 123), "epoch µs"],
    ["1413976541123456789", at(2014, 10, 22, 11, 15, 41, 123), "epoch ns"],
  ])("reads %s", (text, ms, layout) => {
    expect(readTimestamp(text)).toEqual({ ms, layout });
  });

  it.each([
    "31.02.2014",
    "22.13.2014",
    "2014-10-22 13:00 PM",
    "2014-10-22 00:30 AM",
    "32 Oct 2014 10:00 GMT",
    "22 Foo 2014 10:00",
    "2014-10-22 10:00 Mars/Olympus",
    "99999999999999999999",
  ])("refuses %s", (text) => {
    expect(parseTimestamp(text)).toBeNull();
  });

  it("leaves numeric dates with the year last to the file's order, never per value", () => {
    expect(readTimestamp("03/04/2024 10:00")).toEqual({ ms: null, undecided: true, evidence: null });
    expect(readTimestamp("13/04/2024")).toEqual({ ms: null, undecided: true, evidence: "dmy" });
    expect(readTimestamp("04/13/2024")).toEqual({ ms: null, undecided: true, evidence: "mdy" });
    expect(parseTimestamp("03/04/2024 10:00", "dmy")).toBe(at(2024, 4, 3, 10));
    expect(parseTimestamp("03-04-2024 10:00", "mdy")).toBe(at(2024, 3, 4, 10));
    expect(parseTimestamp("03/04/2024 1:30 PM", "mdy")).toBe(at(2024, 3, 4, 13, 30));
  });

  it("reads naive values in the given zone, daylight saving included", () => {
    expect(parseTimestamp("2024-07-01 12:00", undefined, "Europe/Berlin")).toBe(at(2024, 7, 1, 10));
    expect(parseTimestamp("2024-01-01 12:00", undefined, "Europe/Berlin")).toBe(at(2024, 1, 1, 11));
    expect(parseTimestamp("2024-01-01 12:00", undefined, "America/New_York")).toBe(at(2024, 1, 1, 17));
    // A value's own offset wins over the zone option.
    expect(parseTimestamp("2024-01-01 12:00Z", undefined, "Europe/Berlin")).toBe(at(2024, 1, 1, 12));
    expect(zoneOffsetMinutes("+05:30", 0)).toBe(330);
  });
});

describe("timestampFormat (strftime)", () => {
  it.each([
    ["%d.%m.%Y %H:%M", "22.10.2014 11:15", at(2014, 10, 22, 11, 15)],
    ["%m/%d/%Y %I:%M:%S %p", "10/22/2014 03:15:41 PM", at(2014, 10, 22, 15, 15, 41)],
    ["%d/%m/%y", "22/10/14", at(2014, 10, 22)],
    ["%d/%m/%y", "22/10/99", at(1999, 10, 22)],
    ["%Y%m%d%H%M%S", "20141022111541", at(2014, 10, 22, 11, 15, 41)],
    ["%a %b %d %H:%M:%S %Y", "Wed Oct 22 11:15:41 2014", at(2014, 10, 22, 11, 15, 41)],
    ["%d %B %Y, %H:%M %z", "22 October 2014, 11:15 +02:00", at(2014, 10, 22, 9, 15)],
    ["%F %T.%f %Z", "2014-10-22 11:15:41.5 UTC", at(2014, 10, 22, 11, 15, 41, 500)],
    ["%s", "1413976541", at(2014, 10, 22, 11, 15, 41)],
  ])("%s reads %s", (format, text, ms) => {
    expect(compileFormat(format)(text)).toBe(ms);
  });

  it("reads only its own layout", () => {
    expect(compileFormat("%d.%m.%Y")("2014-10-22")).toBeNull();
    expect(compileFormat("%d.%m.%Y")("31.02.2014")).toBeNull();
  });

  it.each([
    ["%d.%m.%Q", "unknown directive %Q"],
    ["%H:%M", "needs a year"],
    ["%Y %d", "needs a month"],
    ["", "must be 1 to 100 characters"],
  ])("refuses %s naming the problem", (format, message) => {
    expect(() => compileFormat(format)).toThrow(message);
  });

  it("refuses an unknown time zone naming the option", () => {
    expect(() => checkTimestampSettings({ timezone: "Europe/Berln" })).toThrow(
      /timezone "Europe\/Berln" is not a known time zone/,
    );
    expect(() => checkTimestampSettings({ timezone: "Asia/Tokyo" })).not.toThrow();
  });
});

describe("TimestampReader", () => {
  it("decides the day/month order from the first value that can only be read one way", () => {
    const r = new TimestampReader();
    expect(r.holds("03/04/2024", 2)).toBe(true);
    expect(r.holds("13/04/2024", 3)).toBe(false);
    expect(r.report.order).toBe('DD/MM/YYYY, decided by line 3 ("13/04/2024")');
    expect(r.read("03/04/2024").ms).toBe(at(2024, 4, 3));
    expect(r.read("04/13/2024").ms).toBeNull();
    expect(r.report.layouts).toEqual({ "DD/MM/YYYY": 1 });
  });

  it("says how to choose when no value decides", () => {
    const e = new TimestampReader().ambiguous("log.csv", 2, "03/04/2024", 10);
    expect(e).toBeInstanceOf(WaylineError);
    expect(e.message).toContain("log.csv: line 2");
    expect(e.message).toContain("--timestamp-format");
  });
});
