/**
 * `--timestamp-format`: a strftime-style pattern (as in Python, DuckDB's strptime and `date`)
 * compiled into a reader of that one layout.
 *
 * Directives: %Y year (4 digits), %y two-digit year (69–99 → 19xx, 00–68 → 20xx, as POSIX),
 * %m month, %d / %e day, %H hour (00–23), %I hour (01–12) with %p AM/PM, %M minute, %S second,
 * %f fraction of a second (1–9 digits), %z offset (`Z`, `+01:00`, `+0100`), %Z zone name
 * (`UTC`, `GMT`, `EST`, `Europe/Berlin`), %b / %B month name (English), %a / %A weekday name
 * (read, not checked), %j is not supported, %s epoch seconds, %T = %H:%M:%S, %F = %Y-%m-%d,
 * %D = %m/%d/%y, %% a percent sign. A space matches one or more spaces. Anything else is literal.
 */
import { WaylineError } from "../../../domain/errors.ts";
import { monthNumber, partsToMs, type TimestampParts } from "./parts.ts";
import { ZONE_PATTERN } from "./zones.ts";

type Field = keyof TimestampParts | "year2" | "monthName" | "epoch" | "skip";

const DIRECTIVES: Readonly<Record<string, { re: string; field: Field }>> = {
  Y: { re: "([+-]?\\d{4})", field: "year" },
  y: { re: "(\\d{2})", field: "year2" },
  m: { re: "(\\d{1,2})", field: "month" },
  d: { re: "(\\d{1,2})", field: "day" },
  e: { re: "\\s?(\\d{1,2})", field: "day" },
  H: { re: "(\\d{1,2})", field: "hour" },
  I: { re: "(\\d{1,2})", field: "hour" },
  M: { re: "(\\d{2})", field: "minute" },
  S: { re: "(\\d{2})", field: "second" },
  f: { re: "(\\d{1,9})", field: "fraction" },
  p: { re: "([AaPp][Mm])", field: "meridiem" },
  z: { re: "(Z|z|[+-]\\d{2}(?::?\\d{2})?)", field: "zone" },
  Z: { re: `(${ZONE_PATTERN})`, field: "zone" },
  b: { re: "([A-Za-z]{3,9})\\.?", field: "monthName" },
  B: { re: "([A-Za-z]{3,9})", field: "monthName" },
  h: { re: "([A-Za-z]{3,9})\\.?", field: "monthName" },
  a: { re: "(?:[A-Za-z]{2,9})", field: "skip" },
  A: { re: "(?:[A-Za-z]{2,9})", field: "skip" },
  s: { re: "(-?\\d+)", field: "epoch" },
};

const SHORTHANDS: Readonly<Record<string, string>> = {
  T: "%H:%M:%S",
  F: "%Y-%m-%d",
  D: "%m/%d/%y",
  R: "%H:%M",
};

/** Longest format accepted (a user setting, kept small). */
export const MAX_FORMAT_LENGTH = 100;

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A compiled `--timestamp-format`: reads one cell or answers null. */
export type FormatReader = (text: string, naiveZone?: string) => number | null;

function invalid(format: string, why: string): WaylineError {
  return new WaylineError("invalid_request", `timestampFormat "${format}": ${why}`, {
    field: "timestampFormat",
  });
}

/** Compiles a strftime-style format; an unknown directive or a format without a date is an error. */
export function compileFormat(format: string): FormatReader {
  if (format.length === 0 || format.length > MAX_FORMAT_LENGTH)
    throw invalid(format, `must be 1 to ${MAX_FORMAT_LENGTH} characters`);
  let expanded = format;
  for (const [k, v] of Object.entries(SHORTHANDS)) expanded = expanded.split(`%${k}`).join(v);
  const fields: Field[] = [];
  let re = "";
  for (let i = 0; i < expanded.length; i++) {
    const c = expanded[i] as string;
    if (c === "%") {
      const d = expanded[++i];
      if (d === "%") re += "%";
      else if (d !== undefined && d in DIRECTIVES) {
        const directive = DIRECTIVES[d] as { re: string; field: Field };
        re += directive.re;
        if (directive.field !== "skip") fields.push(directive.field);
      } else
        throw invalid(
          format,
          `unknown directive %${d ?? ""} (supported: %Y %y %m %d %e %H %I %M %S %f %p %z %Z %b %B %a %A %s %T %F %D %R %%)`,
        );
    } else if (c === " ") {
      re += "\\s+";
      while (expanded[i + 1] === " ") i++;
    } else re += escapeRe(c);
  }
  const has = (f: Field) => fields.includes(f);
  if (!has("epoch") && !(has("year") || has("year2")))
    throw invalid(format, "needs a year (%Y or %y) or epoch seconds (%s)");
  if (!has("epoch") && !(has("month") || has("monthName")))
    throw invalid(format, "needs a month (%m, %b or %B)");
  if (!has("epoch") && !has("day")) throw invalid(format, "needs a day (%d or %e)");
  const pattern = new RegExp(`^${re}$`);
  return (text, naiveZone) => {
    const m = pattern.exec(text);
    if (!m) return null;
    const p: TimestampParts = { year: 0, month: 0, day: 0 };
    let epoch: number | undefined;
    fields.forEach((f, k) => {
      const v = m[k + 1];
      if (v === undefined) return;
      if (f === "year" || f === "month" || f === "day") p[f] = Number(v);
      else if (f === "year2") p.year = Number(v) + (Number(v) >= 69 ? 1900 : 2000);
      else if (f === "monthName") p.month = monthNumber(v);
      else if (f === "epoch") epoch = Number(v);
      else if (f !== "skip") p[f] = v;
    });
    if (epoch !== undefined) return Math.abs(epoch) < 8.64e12 ? epoch * 1000 : null;
    if (p.meridiem === undefined && fields.includes("meridiem")) return null;
    return partsToMs(p, naiveZone);
  };
}
