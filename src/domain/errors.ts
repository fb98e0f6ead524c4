/** Stable machine-readable error codes shared by the API, the CLI and the core. */
export type ErrorCode =
  | "invalid_request"
  | "invalid_command"
  | "invalid_document"
  | "not_found"
  | "conflict"
  | "forbidden"
  | "unauthorized"
  | "payload_too_large"
  | "request_too_large"
  | "unsupported_media_type"
  | "rate_limited"
  | "unavailable"
  | "internal";

/** One problem found in an input, located by its JSON path. */
export interface Problem {
  /** Path inside the input, e.g. `map.stages[2].name` or `commands[0].stageId`. */
  path: string;
  /** What is wrong and what was expected. */
  message: string;
}

/** The one error type of Wayline: a stable code, a human message and optional details. */
export class WaylineError extends Error {
  override readonly name = "WaylineError";
  constructor(
    /** Stable snake_case code. */
    readonly code: ErrorCode,
    message: string,
    /** Structured details (for validation errors: `{ problems: Problem[] }`). */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/** Formats a JSON path from zod-style path segments: `stages[2].name`. */
export function formatPath(path: ReadonlyArray<PropertyKey>, prefix = ""): string {
  let out = prefix;
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else out += out ? `.${String(seg)}` : String(seg);
  }
  return out || "(root)";
}

/** The part of a zod issue the problems use (`errors`: the branches of a failed union). */
interface IssueLike {
  path: ReadonlyArray<PropertyKey>;
  message: string;
  code?: string;
  errors?: ReadonlyArray<ReadonlyArray<IssueLike>>;
}

/**
 * A failed union ("Invalid input") says nothing; the branch that came closest does: the one with
 * the fewest problems, preferring branches whose keys all matched (no unknown or missing keys).
 */
function closestBranch(branches: ReadonlyArray<ReadonlyArray<IssueLike>>): ReadonlyArray<IssueLike> | null {
  const score = (b: ReadonlyArray<IssueLike>) =>
    b.length +
    100 * b.filter((i) => i.code === "unrecognized_keys" || /received undefined/.test(i.message)).length;
  let best: ReadonlyArray<IssueLike> | null = null;
  for (const b of branches) if (b.length > 0 && (!best || score(b) < score(best))) best = b;
  return best;
}

function flatten(issues: ReadonlyArray<IssueLike>): IssueLike[] {
  return issues.flatMap((i) => {
    const branch = i.code === "invalid_union" && i.errors ? closestBranch(i.errors) : null;
    return branch ? flatten(branch.map((b) => ({ ...b, path: [...i.path, ...b.path] }))) : [i];
  });
}

/** Turns zod issues into located problems (a failed union reports its closest branch). */
export function problemsFromIssues(issues: ReadonlyArray<IssueLike>, prefix = ""): Problem[] {
  return flatten(issues).map((i) => ({ path: formatPath(i.path, prefix), message: i.message }));
}

/** A validation error listing every problem with its path. */
export function invalid(code: ErrorCode, what: string, problems: Problem[]): WaylineError {
  const first = problems[0];
  const head = first ? `${first.path}: ${first.message}` : "invalid input";
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem(s))` : "";
  return new WaylineError(code, `${what}: ${head}${more}`, { problems });
}
