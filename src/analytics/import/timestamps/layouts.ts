/**
 * The timestamp layouts read without a format: each a name (reported to the user), a pattern and
 * how its groups become `TimestampParts`. Tried in order; the first that matches decides (a
 * match whose fields are out of range is not a timestamp — it never falls through to another
 * reading).
 */
import { monthNumber, type TimestampParts } from "./parts.ts";
import { ZONE_PATTERN } from "./zones.ts";

/** Order of day, month and year in a numeric date whose year comes last. */
export type DateOrder = "dmy" | "mdy";

const TIME = "(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d+))?)?(?:\\s?([AaPp][Mm]))?";
const ZONE = `(?:\\s?(${ZONE_PATTERN}))?`;

/** A layout of written timestamps. */
export interface Layout {
  /** Name shown in import reports ("DD.MM.YYYY", "RFC 2822" …). */
  name: string;
  pattern: RegExp;
  /** Parts of a match; `order` is needed by numeric dates with the year last. */
  parts(m: RegExpExecArray, order?: DateOrder): TimestampParts;
}

const time = (m: RegExpExecArray, from: number) => ({
  hour: m[from],
  minute: m[from + 1],
  second: m[from + 2],
  fraction: m[from + 3],
  meridiem: m[from + 4],
  zone: m[from + 5],
});

/** ISO 8601 / SQL style, dashes or slashes (`YYYY-MM-DD`, `YYYY/MM/DD`), time and zone optional. */
export const ISO: Layout = {
  name: "YYYY-MM-DD",
  pattern: new RegExp(`^(\\d{4})(?:-(\\d{2})-|/(\\d{2})/)(\\d{2})(?:[T ]${TIME})?${ZONE}$`),
  parts: (m) => ({ year: Number(m[1]), month: Number(m[2] ?? m[3]), day: Number(m[4]), ...time(m, 5) }),
};

/** `DD.MM.YYYY` (German, Russian, … usage: always day first). */
export const DOTTED: Layout = {
  name: "DD.MM.YYYY",
  pattern: new RegExp(`^(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})(?:,?\\s${TIME})?${ZONE}$`),
  parts: (m) => ({ year: Number(m[3]), month: Number(m[2]), day: Number(m[1]), ...time(m, 4) }),
};

/** `DD/MM/YYYY` or `MM/DD/YYYY` (also with `-`): the order comes from the data or the user. */
export const NUMERIC: Layout = {
  name: "numeric date, year last",
  pattern: new RegExp(`^(\\d{1,2})([/-])(\\d{1,2})\\2(\\d{4})(?:,?\\s${TIME})?${ZONE}$`),
  parts: (m, order) => {
    const [a, b] = [Number(m[1]), Number(m[3])];
    const dmy = order === "dmy";
    return { year: Number(m[4]), month: dmy ? b : a, day: dmy ? a : b, ...time(m, 5) };
  },
};

/** RFC 2822 (e-mail, RSS, many CRM exports): `[Tue, ]22 Oct 2014 11:15[:41] +0200`. */
export const RFC2822: Layout = {
  name: "RFC 2822",
  pattern: new RegExp(
    `^(?:[A-Za-z]{3,9},?\\s+)?(\\d{1,2})\\s+([A-Za-z]{3,9})\\.?\\s+(\\d{4})(?:\\s+${TIME})?${ZONE.replace("\\s?", "\\s*")}$`,
  ),
  parts: (m) => ({ year: Number(m[3]), month: monthNumber(m[2] ?? ""), day: Number(m[1]), ...time(m, 4) }),
};

/** Written layouts in the order they are tried. */
export const LAYOUTS: readonly Layout[] = [ISO, DOTTED, NUMERIC, RFC2822];

/**
 * For a numeric date, what the value says about the order: "dmy" when the first number cannot
 * be a month, "mdy" when the second cannot, null when either reading is possible (or neither).
 */
export function orderEvidence(m: RegExpExecArray): DateOrder | null {
  const a = Number(m[1]);
  const b = Number(m[3]);
  if (a > 12 && b <= 12) return "dmy";
  if (b > 12 && a <= 12) return "mdy";
  return null;
}
