import { ErrorBodySchema } from "../../contract/errors.ts";
import type { ErrorCode } from "../../domain/errors.ts";
import { teamHeaders } from "../account/team-session.ts";

/** Codes of an `ApiError`: the server's, and the client's own for answers that never came. */
export type ApiErrorCode =
  | ErrorCode
  /** The server could not be reached (status 0). */
  | "network"
  /** An error answer without Wayline's error body (a proxy page, an empty 502 …). */
  | "http_error"
  /** A success status with a body that is not the JSON the endpoint promises. */
  | "invalid_response";

/** The one error of the web client: an API error answer (`{error:{code,message,details}}`) or a failure to get one. */
export class ApiError extends Error {
  override readonly name = "ApiError";
  constructor(
    /** HTTP status, 0 when the server could not be reached. */
    readonly status: number,
    /** Stable error code, e.g. `conflict`, `invalid_command`, `network` (any string a newer server sends). */
    readonly code: ApiErrorCode | (string & {}),
    message: string,
    /** Extra details of the error (e.g. `currentVersion`, `problems`). */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/** The error of a non-2xx answer: the server's error body when it sent one, else the status line. */
export function errorOfAnswer(status: number, statusText: string, bodyText: string): ApiError {
  let data: unknown = null;
  try {
    data = JSON.parse(bodyText);
  } catch {
    // not JSON: fall back to the status line below
  }
  const body = ErrorBodySchema.safeParse(data);
  if (body.success) {
    const { code, message, details } = body.data.error;
    return new ApiError(status, code, message, details);
  }
  return new ApiError(status, "http_error", `${status} ${statusText}`.trim());
}

/** A failure to reach the server. */
export function networkError(cause: unknown): ApiError {
  const why = cause instanceof Error ? cause.message : String(cause);
  return new ApiError(0, "network", `cannot reach the server (${why})`);
}

/** The bearer token this browser uses on a team server (token mode), from localStorage `wayline.token`. */
export function storedToken(): string | null {
  try {
    return localStorage.getItem("wayline.token");
  } catch {
    return null;
  }
}

/** Query parameters: absent, null and empty values are left out. */
export type Query = Record<string, string | number | boolean | null | undefined>;

/** `?a=1&b=2` for the given parameters, or "" when there are none. */
export function queryString(q: Query = {}): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== null && v !== "") p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : "";
}

/** Options of one request. */
export interface RequestOptions {
  /** Query parameters. */
  query?: Query;
  /** JSON body. */
  body?: unknown;
  /** How to read a successful answer: JSON (default) or text. */
  as?: "json" | "text";
}

/**
 * The one fetch wrapper of the web client: sends JSON, answers the parsed JSON (or the text,
 * or `undefined` for 204), and turns every failure into an `ApiError`.
 */
export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = teamHeaders();
  const token = storedToken();
  if (token) headers.authorization = `Bearer ${token}`;
  const init: RequestInit = { method, headers };
  if (opts.body !== undefined) {
    headers["content-type"] = "application/json";
    init.body = JSON.stringify(opts.body);
  }
  let res: Response;
  let text: string;
  try {
    res = await fetch(`${path}${queryString(opts.query)}`, init);
    text = await res.text();
  } catch (e) {
    throw networkError(e);
  }
  if (!res.ok) throw errorOfAnswer(res.status, res.statusText, text);
  if (res.status === 204) return undefined as T;
  if (opts.as === "text") return text as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ApiError(res.status, "invalid_response", `${method} ${path}: the answer is not JSON`);
  }
}
