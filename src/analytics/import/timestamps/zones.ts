/**
 * Time-zone offsets for timestamp parsing: fixed offsets (`Z`, `+01:00`, `+0100`, `+01`), the
 * names RFC 2822 allows (`UT`, `GMT`, `EST` … `PDT`), `UTC`, and IANA zone names
 * (`Europe/Berlin`) through the runtime's Intl time-zone data (daylight saving applied).
 */

/** Named zones with a fixed offset in minutes (RFC 2822 §3.3 and §4.3, plus UTC). */
export const FIXED_ZONES: Readonly<Record<string, number>> = {
  Z: 0,
  UT: 0,
  UTC: 0,
  GMT: 0,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
};

/** Regular-expression source of a zone: an offset, a fixed name or an IANA `Area/Location` name. */
export const ZONE_PATTERN =
  "Z|z|[+-]\\d{2}(?::?\\d{2})?|UTC|UT|GMT|[ECMP][SD]T|[A-Za-z]+(?:/[A-Za-z0-9_+-]+)+";

const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatter(zone: string): Intl.DateTimeFormat | null {
  let f = formatters.get(zone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat("en-US", {
        timeZone: zone,
        hourCycle: "h23",
        year: "numeric",
        month: "numeric",
        day: "numeric",
        hour: "numeric",
        minute: "numeric",
        second: "numeric",
      });
    } catch {
      f = null;
    }
    if (formatters.size > 1000) formatters.clear();
    formatters.set(zone, f);
  }
  return f;
}

/** Whether `zone` is an IANA time-zone name (or a fixed name) this runtime knows. */
export function isKnownZone(zone: string): boolean {
  return zone in FIXED_ZONES || formatter(zone) !== null;
}

/** Offset of the IANA `zone` from UTC at the instant `utcMs`, in minutes. */
function ianaOffsetAt(f: Intl.DateTimeFormat, utcMs: number): number {
  const parts: Record<string, number> = {};
  for (const p of f.formatToParts(new Date(utcMs))) if (p.type !== "literal") parts[p.type] = Number(p.value);
  const wall = Date.UTC(
    parts.year ?? 0,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return Math.round((wall - Math.floor(utcMs / 1000) * 1000) / 60_000);
}

/**
 * Offset in minutes to subtract from a wall-clock time written in `zone`, or null for an unknown
 * zone. `wallMs` is the wall time read as if it were UTC; for IANA zones the offset is the one in
 * force at that wall time (for a time skipped by a DST change, the offset before the change).
 */
export function zoneOffsetMinutes(zone: string, wallMs: number): number | null {
  const fixed = FIXED_ZONES[zone] ?? FIXED_ZONES[zone.toUpperCase()];
  if (fixed !== undefined) return fixed;
  if (/^[+-]\d{2}/.test(zone)) {
    const sign = zone.startsWith("-") ? -1 : 1;
    const digits = zone.slice(1).replace(":", "");
    const hours = Number(digits.slice(0, 2));
    const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
    if (hours > 23 || minutes > 59) return null;
    return sign * (hours * 60 + minutes);
  }
  const f = formatter(zone);
  if (!f) return null;
  // Two steps: the offset at the guessed instant, then at the instant that offset gives.
  const first = ianaOffsetAt(f, wallMs);
  const second = ianaOffsetAt(f, wallMs - first * 60_000);
  return second;
}
