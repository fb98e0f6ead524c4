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

/** Turns zod issues into located problems. */
export function problemsFromIssues(
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>,
  prefix = "",
): Problem[] {
  return issues.map((i) => ({ path: formatPath(i.path, prefix), message: i.message }));
}

/** A validation error listing every problem with its path. */
export function invalid(code: ErrorCode, what: string, problems: Problem[]): WaylineError {
  const first = problems[0];
  const head = first ? `${first.path}: ${first.message}` : "invalid input";
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem(s))` : "";
  return new WaylineError(code, `${what}: ${head}${more}`, { problems });
}
