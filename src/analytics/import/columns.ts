import { WaylineError } from "../../domain/errors.ts";
import type { ColumnMapping } from "../model.ts";

/** Candidate column names in order of preference (compared case-insensitively). */
export const COLUMN_CANDIDATES: Readonly<Record<keyof ColumnMapping, readonly string[]>> = {
  case: [
    "case:concept:name",
    "case_id",
    "caseid",
    "case",
    "customer_id",
    "user_id",
    "userid",
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
    "event_time",
    "event_timestamp",
    "time",
    "datetime",
    "date",
    "created_at",
    "occurred_at",
    "ts",
  ],
};

function normaliseName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
}

function pick(
  headers: readonly string[],
  role: keyof ColumnMapping,
  override: string | undefined,
  taken: Set<string>,
): string | undefined {
  if (override !== undefined) {
    if (!headers.includes(override))
      throw new WaylineError(
        "invalid_request",
        `column "${override}" (given for the ${role}) is not in the file; columns are: ${headers.join(", ")}`,
        { role, column: override, columns: headers },
      );
    return override;
  }
  for (const candidate of COLUMN_CANDIDATES[role]) {
    const hit = headers.find((h) => normaliseName(h) === candidate && !taken.has(h));
    if (hit !== undefined) return hit;
  }
  return undefined;
}

/**
 * Chooses the case, activity and timestamp columns: explicit overrides first, else XES names,
 * else common names. Throws `invalid_request` naming the columns present when one is missing.
 */
export function detectColumns(
  headers: readonly string[],
  overrides: Partial<ColumnMapping> = {},
): ColumnMapping {
  const taken = new Set<string>();
  const found: Partial<ColumnMapping> = {};
  for (const role of ["case", "activity", "timestamp"] as const) {
    const col = pick(headers, role, overrides[role], taken);
    if (col !== undefined) {
      found[role] = col;
      taken.add(col);
    }
  }
  const missing = (["case", "activity", "timestamp"] as const).filter((r) => found[r] === undefined);
  if (missing.length > 0)
    throw new WaylineError(
      "invalid_request",
      `cannot find the ${missing.join(" and ")} column(s); columns are: ${headers.join(", ")}; ` +
        `name them with --${missing[0]} COLUMN`,
      { missing, columns: headers },
    );
  return found as ColumnMapping;
}
