/**
 * Column detection by name and content. Known names (`COLUMN_CANDIDATES`) are strong evidence and
 * are taken first, in their order, unless the values contradict them; the roles left are scored
 * from a sample of values and given to the best distinct columns. Two assignments scoring alike
 * are reported as ambiguous (an error naming both columns), never guessed. Pure: the caller says
 * what a timestamp is (the importer passes its own parser).
 */
import { WaylineError } from "../errors.ts";
import { COLUMN_CANDIDATES, LOG_COLUMN_ROLES, type LogColumnRole, type LogColumns } from "./log-columns.ts";

/** Rows of a file the content scores look at (the first ones; more only cost time). */
export const DETECTION_SAMPLE_ROWS = 500;
/** Lowest content score a column needs for a role (0…1). */
export const MIN_CONTENT_SCORE = 0.5;
/** Share of sample values that must read as timestamps for a timestamp column. */
export const MIN_TIMESTAMP_SHARE = 0.9;
/** Assignments whose total scores differ by less than this are ambiguous. */
export const AMBIGUITY_MARGIN = 0.1;

/** How one role's column was chosen, for the import report. */
export interface ColumnChoice {
  /** The column. */
  column: string;
  /** `given` by the user, known `name`, or `content` of the sample. */
  by: "given" | "name" | "content";
  /** Why, in words ("known name \"case_id\"; 12 distinct values in 40 rows"). */
  reason: string;
}

/** What the values of one column look like in the sample. */
export interface ColumnProfile {
  /** Non-empty values. */
  values: number;
  /** Distinct non-empty values. */
  distinct: number;
  /** Share of values read as timestamps. */
  timestamps: number;
  /** Share of id-like values (a digit, no space: `F-1001`, `4711`, `u_12`). */
  ids: number;
  /** Share of values made of words (letters, not id-like: `Antrag erfasst`, `login`). */
  words: number;
  /** Share of pure numbers. */
  numbers: number;
  /** Share of rows whose value equals the previous row's (cases grouped together). */
  runs: number;
}

const ID = /^[^\s]*\d[^\s]*$/;
const NUMBER = /^-?\d+(?:[.,]\d+)?$/;
const LETTER = /\p{L}/u;

/** The profile of one column's sample values (as text; empty cells are left out). */
export function profileColumn(cells: readonly string[], isTimestamp: (v: string) => boolean): ColumnProfile {
  const values = cells.map((c) => c.trim()).filter((c) => c !== "");
  const n = values.length;
  if (n === 0) return { values: 0, distinct: 0, timestamps: 0, ids: 0, words: 0, numbers: 0, runs: 0 };
  const share = (test: (v: string) => boolean) => values.filter(test).length / n;
  let runs = 0;
  for (let i = 1; i < cells.length; i++) if (cells[i] !== "" && cells[i] === cells[i - 1]) runs++;
  return {
    values: n,
    distinct: new Set(values).size,
    timestamps: share(isTimestamp),
    ids: share((v) => ID.test(v) && !NUMBER.test(v)) + share((v) => NUMBER.test(v)) * 0.5,
    words: share((v) => LETTER.test(v) && !ID.test(v)),
    numbers: share((v) => NUMBER.test(v)),
    runs: cells.length > 1 ? runs / (cells.length - 1) : 0,
  };
}

/** Content score of a column for a role (0…1; 0 = cannot be it). */
export function contentScore(p: ColumnProfile, role: LogColumnRole): number {
  if (p.values === 0) return 0;
  const card = p.distinct / p.values;
  if (role === "timestamp") return p.timestamps < MIN_TIMESTAMP_SHARE ? 0 : 0.7 + 0.3 * card;
  if (p.timestamps >= 0.5) return 0;
  // Both roles repeat: a case has several events, an activity occurs in several cases.
  const repeats = p.values < 2 || p.distinct < p.values;
  if (!repeats) return 0;
  if (role === "case") return 0.4 + 0.2 * Math.min(1, p.ids) + 0.2 * p.runs + 0.2 * card;
  if (p.numbers >= 0.5) return 0;
  return 0.4 + 0.3 * p.words + 0.15 * (1 - card);
}

/**
 * How much a pair looks like case and activity together (0…0.5): within a case the activities
 * mostly differ (a resource or channel repeats), and most cases start with the same activity.
 * Cases with one event in the sample say nothing and are skipped.
 */
export function pairScore(cases: readonly string[], activities: readonly string[]): number {
  const byCase = new Map<string, string[]>();
  cases.forEach((c, i) => {
    const a = activities[i] ?? "";
    if (c === "" || a === "") return;
    const list = byCase.get(c);
    if (list) list.push(a);
    else byCase.set(c, [a]);
  });
  const multi = [...byCase.values()].filter((l) => l.length > 1);
  if (multi.length === 0) return 0;
  const varied = multi.reduce((sum, l) => sum + new Set(l).size / l.length, 0) / multi.length;
  const starts = new Map<string, number>();
  for (const l of multi) starts.set(l[0] as string, (starts.get(l[0] as string) ?? 0) + 1);
  const sameStart = Math.max(...starts.values()) / multi.length;
  return 0.25 * varied + 0.25 * sameStart;
}

function describeProfile(p: ColumnProfile): string {
  const parts = [`${p.distinct} distinct of ${p.values} values`];
  if (p.timestamps > 0) parts.push(`${Math.round(p.timestamps * 100)}% timestamps`);
  if (p.runs >= 0.3) parts.push("grouped in runs");
  if (p.timestamps >= 0.5) return parts.join(", ");
  if (p.words >= 0.5) parts.push("words");
  else if (p.ids >= 0.5) parts.push("id-like");
  return parts.join(", ");
}

const key = (name: string) =>
  name
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, "");

/**
 * Whether the sample contradicts a known name: a timestamp column where fewer than half the
 * values are timestamps. Case and activity names are not second-guessed (a GA4 `ga_session_id`
 * is an epoch number and still the session).
 */
function contradicts(p: ColumnProfile | undefined, role: LogColumnRole): boolean {
  if (!p || p.values === 0) return false;
  return role === "timestamp" && p.timestamps < 0.5;
}

/** Sample values per column: `rows[i][header]` as text. */
export type SampleRows = readonly Readonly<Record<string, unknown>>[];

function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  return typeof v === "string" ? v : v instanceof Date ? v.toISOString() : String(v);
}

type Assignment = { roles: LogColumnRole[]; columns: string[]; total: number };

/** Columns per role an assignment may use (the best scoring ones): bounds the search on wide files. */
const CANDIDATES_PER_ROLE = 6;

/** Every distinct assignment of the open roles to qualifying columns, best first. */
function assignments(
  open: LogColumnRole[],
  scores: Map<string, Record<LogColumnRole, number>>,
): Assignment[] {
  const out: Assignment[] = [];
  const best = (role: LogColumnRole) =>
    [...scores]
      .filter(([, s]) => s[role] >= MIN_CONTENT_SCORE)
      .sort((a, b) => b[1][role] - a[1][role])
      .slice(0, CANDIDATES_PER_ROLE)
      .map(([c]) => c);
  const pool = new Map(open.map((r) => [r, best(r)]));
  const walk = (i: number, columns: string[], total: number) => {
    if (i === open.length) {
      out.push({ roles: open, columns: [...columns], total });
      return;
    }
    const role = open[i] as LogColumnRole;
    for (const column of pool.get(role) ?? [])
      if (!columns.includes(column))
        walk(i + 1, [...columns, column], total + (scores.get(column)?.[role] ?? 0));
  };
  walk(0, [], 0);
  return out.sort((a, b) => b.total - a.total);
}

/**
 * The choice for each role: overrides as given, then known names (not contradicted by the
 * sample), then content. Roles nothing qualifies for are absent. Throws `invalid_request` when
 * two different content assignments score within `AMBIGUITY_MARGIN`.
 */
export function chooseColumns(
  headers: readonly string[],
  sample: SampleRows,
  isTimestamp: (v: string) => boolean,
  overrides: Partial<LogColumns> = {},
): Partial<Record<LogColumnRole, ColumnChoice>> {
  const profiles = new Map<string, ColumnProfile>();
  const cells = new Map<string, string[]>();
  if (sample.length > 0)
    for (const h of headers) {
      const column = sample.map((r) => cellText(r[h]).trim());
      cells.set(h, column);
      profiles.set(h, profileColumn(column, isTimestamp));
    }
  const found: Partial<Record<LogColumnRole, ColumnChoice>> = {};
  const taken = new Set<string>();
  for (const role of LOG_COLUMN_ROLES) {
    const given = overrides[role];
    if (given === undefined) continue;
    found[role] = { column: given, by: "given", reason: "given" };
    taken.add(given);
  }
  // A known name the values contradict is kept only when content finds nothing better.
  const fallback: Partial<Record<LogColumnRole, ColumnChoice>> = {};
  for (const role of LOG_COLUMN_ROLES) {
    if (found[role]) continue;
    for (const candidate of COLUMN_CANDIDATES[role]) {
      const hit = headers.find((h) => key(h) === key(candidate) && !taken.has(h));
      if (hit === undefined) continue;
      const p = profiles.get(hit);
      const choice: ColumnChoice = {
        column: hit,
        by: "name",
        reason: `known ${role} name "${candidate}"${p ? `; ${describeProfile(p)}` : ""}`,
      };
      if (contradicts(p, role)) {
        fallback[role] ??= choice;
        continue;
      }
      found[role] = choice;
      taken.add(hit);
      break;
    }
  }
  const open = LOG_COLUMN_ROLES.filter((r) => !found[r]);
  if (open.length > 0 && profiles.size > 0) fillByContent(found, open, profiles, cells, taken);
  for (const role of LOG_COLUMN_ROLES) {
    const f = fallback[role];
    if (!found[role] && f && !Object.values(found).some((c) => c.column === f.column)) found[role] = f;
  }
  return found;
}

function fillByContent(
  found: Partial<Record<LogColumnRole, ColumnChoice>>,
  open: LogColumnRole[],
  profiles: Map<string, ColumnProfile>,
  cells: Map<string, string[]>,
  taken: ReadonlySet<string>,
): void {
  const scores = new Map<string, Record<LogColumnRole, number>>();
  for (const [h, p] of profiles)
    if (!taken.has(h))
      scores.set(h, {
        case: contentScore(p, "case"),
        activity: contentScore(p, "activity"),
        timestamp: contentScore(p, "timestamp"),
      });
  const ranked = contentAssignments(open, scores)
    .map((a) => {
      const at = (role: LogColumnRole) => found[role]?.column ?? a.columns[a.roles.indexOf(role)];
      const c = at("case");
      const act = at("activity");
      const bonus = c && act ? pairScore(cells.get(c) ?? [], cells.get(act) ?? []) : 0;
      return { ...a, total: a.total + bonus };
    })
    .sort((x, y) => y.total - x.total);
  const best = ranked[0];
  if (!best) return;
  const rival = ranked.find((a) => a.columns.join("\0") !== best.columns.join("\0"));
  if (rival && best.total - rival.total < AMBIGUITY_MARGIN) throw ambiguity(best, rival, profiles);
  best.roles.forEach((role, i) => {
    const column = best.columns[i] as string;
    const score = scores.get(column)?.[role] ?? 0;
    const p = profiles.get(column) as ColumnProfile;
    found[role] = {
      column,
      by: "content",
      reason: `content (score ${score.toFixed(2)}): ${describeProfile(p)}`,
    };
  });
}

/**
 * The content assignments of the open roles, best first. When not every role can be filled, the
 * largest set of roles that can is assigned (a missing role is then reported as missing).
 */
function contentAssignments(
  open: LogColumnRole[],
  scores: Map<string, Record<LogColumnRole, number>>,
): Assignment[] {
  const full = assignments(open, scores);
  if (full.length > 0 || open.length === 1) return full;
  for (const drop of open) {
    const some = contentAssignments(
      open.filter((r) => r !== drop),
      scores,
    );
    if (some.length > 0) return some;
  }
  return [];
}

function ambiguity(best: Assignment, rival: Assignment, profiles: Map<string, ColumnProfile>): WaylineError {
  const i = best.roles.findIndex((_, k) => best.columns[k] !== rival.columns[k]);
  const role = best.roles[i] as LogColumnRole;
  const a = best.columns[i] as string;
  const b = rival.columns[i] as string;
  const shown = (c: string) => `"${c}" (${describeProfile(profiles.get(c) as ColumnProfile)})`;
  return new WaylineError(
    "invalid_request",
    `cannot tell the ${role} column: ${shown(a)} and ${shown(b)} fit alike; name it with --${role} COLUMN (API ${role}=)`,
    { field: role, candidates: [a, b] },
  );
}

/** The three columns and how each was chosen. */
export interface ColumnDetection {
  /** The column of each role. */
  mapping: LogColumns;
  /** How each role's column was chosen. */
  choice: Record<LogColumnRole, ColumnChoice>;
}

/**
 * Like `chooseColumns`, but every role must be found: checks the overrides are columns, and
 * throws `invalid_request` naming the missing roles and the columns present.
 */
export function detectColumnsWithSample(
  headers: readonly string[],
  sample: SampleRows,
  isTimestamp: (v: string) => boolean,
  overrides: Partial<LogColumns> = {},
): ColumnDetection {
  for (const role of LOG_COLUMN_ROLES) {
    const given = overrides[role];
    if (given !== undefined && !headers.includes(given))
      throw new WaylineError(
        "invalid_request",
        `column "${given}" (given for the ${role}) is not in the file; columns are: ${headers.join(", ")}`,
        { role, column: given, columns: headers },
      );
  }
  const given = Object.fromEntries(Object.entries(overrides).filter(([, c]) => c !== undefined));
  const choice = chooseColumns(headers, sample, isTimestamp, given);
  const missing = LOG_COLUMN_ROLES.filter((r) => choice[r] === undefined);
  if (missing.length > 0)
    throw new WaylineError(
      "invalid_request",
      `cannot find the ${missing.join(" and ")} column(s) by name or content; columns are: ${headers.join(", ")}; ` +
        `name them with --${missing[0]} COLUMN`,
      { missing, columns: headers },
    );
  const full = choice as Record<LogColumnRole, ColumnChoice>;
  return {
    mapping: { case: full.case.column, activity: full.activity.column, timestamp: full.timestamp.column },
    choice: full,
  };
}
