import { WaylineError } from "../errors.ts";

/** The three columns an event log needs. */
export type LogColumnRole = "case" | "activity" | "timestamp";

/** Roles in the order they are picked (a column taken by one role is not offered to the next). */
export const LOG_COLUMN_ROLES: readonly LogColumnRole[] = ["case", "activity", "timestamp"];

/** The column chosen for each role. */
export type LogColumns = Record<LogColumnRole, string>;

/**
 * Known names of each role, most specific first: XES names, then common analytics names. They are
 * compared with header names case-insensitively and ignoring spaces, `_` and `-`
 * ("Case ID", "case_id", "caseid" are the same name).
 */
export const COLUMN_CANDIDATES: Readonly<Record<LogColumnRole, readonly string[]>> = {
  case: [
    "case:concept:name",
    "case_id",
    "case",
    "ticket_id",
    "customer_id",
    "user_id",
    "client_id",
    "session_id",
    "visitor_id",
    "account_id",
    "distinct_id",
    "trace_id",
  ],
  activity: ["concept:name", "activity", "event_name", "event", "activity_name", "action", "step", "name"],
  timestamp: [
    "time:timestamp",
    "timestamp",
    // Interval logs (e.g. BPI exports): the completion is when the event happened.
    "complete_timestamp",
    "end_timestamp",
    "event_time",
    "event_timestamp",
    "time",
    "datetime",
    "date",
    "created_at",
    "occurred_at",
    "ts",
    "start_timestamp",
  ],
};

const key = (name: string) =>
  name
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, "");

function guess(headers: readonly string[], role: LogColumnRole, taken: ReadonlySet<string>) {
  for (const candidate of COLUMN_CANDIDATES[role]) {
    const hit = headers.find((h) => key(h) === key(candidate) && !taken.has(h));
    if (hit !== undefined) return hit;
  }
  return undefined;
}

/**
 * The case, activity and timestamp columns: each `overrides` entry as given (it must be a header),
 * else the first known name found among the headers no other role has. Roles with no match are
 * absent.
 */
export function guessColumns(
  headers: readonly string[],
  overrides: Partial<LogColumns> = {},
): Partial<LogColumns> {
  for (const role of LOG_COLUMN_ROLES) {
    const given = overrides[role];
    if (given !== undefined && !headers.includes(given))
      throw new WaylineError(
        "invalid_request",
        `column "${given}" (given for the ${role}) is not in the file; columns are: ${headers.join(", ")}`,
        { role, column: given, columns: headers },
      );
  }
  const taken = new Set(Object.values(overrides).filter((c) => c !== undefined));
  const found: Partial<LogColumns> = {};
  for (const role of LOG_COLUMN_ROLES) {
    const col = overrides[role] ?? guess(headers, role, taken);
    if (col !== undefined) {
      found[role] = col;
      taken.add(col);
    }
  }
  return found;
}

/**
 * Like `guessColumns`, but every role must be found: throws `invalid_request` naming the missing
 * roles and the columns present.
 */
export function detectColumns(headers: readonly string[], overrides: Partial<LogColumns> = {}): LogColumns {
  const found = guessColumns(headers, overrides);
  const missing = LOG_COLUMN_ROLES.filter((r) => found[r] === undefined);
  if (missing.length > 0)
    throw new WaylineError(
      "invalid_request",
      `cannot find the ${missing.join(" and ")} column(s); columns are: ${headers.join(", ")}; ` +
        `name them with --${missing[0]} COLUMN`,
      { missing, columns: headers },
    );
  return found as LogColumns;
}
