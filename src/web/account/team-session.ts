/**
 * The signed-in state the API client needs in accounts mode: the session's CSRF token and the
 * current workspace (remembered per browser). In local and token mode both stay empty.
 */
import { shareHeaders } from "../share/share-session.ts";

const KEY = "wayline.workspace";
let csrf: string | null = null;
let workspace: string | null = typeof localStorage === "undefined" ? null : localStorage.getItem(KEY);

/** Remembers the CSRF token of the session (from login, setup or `/api/auth/me`). */
export function setCsrf(token: string | null): void {
  csrf = token;
}

/** The current workspace id, or null (the server then picks the user's first). */
export function currentWorkspace(): string | null {
  return workspace;
}

/** Switches the current workspace for every later request. */
export function setCurrentWorkspace(id: string | null): void {
  workspace = id;
  if (typeof localStorage === "undefined") return;
  if (id) localStorage.setItem(KEY, id);
  else localStorage.removeItem(KEY);
}

/**
 * Headers every API request carries: `X-Wayline-Workspace` and `X-Wayline-CSRF` when known, and
 * the share link's credential on pages opened from one.
 */
export function teamHeaders(): Record<string, string> {
  return {
    ...shareHeaders(),
    ...(workspace ? { "x-wayline-workspace": workspace } : {}),
    ...(csrf ? { "x-wayline-csrf": csrf } : {}),
  };
}
