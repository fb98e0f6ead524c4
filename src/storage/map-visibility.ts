import { AsyncLocalStorage } from "node:async_hooks";

/** Who may see a map beyond the workspace's roles: the map's access list. */
export interface MapAccess {
  /** When true, only `members` (and the workspace's owners and admins) may see the map. */
  restricted: boolean;
  /** User ids the map is open to when restricted. */
  members: readonly string[];
}

/** A map's access list, with where it lives (map ids are global). */
export interface MapAccessRecord extends MapAccess {
  id: string;
  workspaceId: string;
}

/** Whether the caller of the current request or command may see a map (answered by `can()`). */
export type MapVisible = (map: MapAccessRecord) => boolean;

const current = new AsyncLocalStorage<MapVisible>();

/**
 * Runs `fn` with every map read and listing of the journeys repository filtered by `visible`:
 * hidden maps are not listed and read as absent (`not_found`), in every service, for the whole
 * request or CLI command. The server's `authorize()` and the CLI set it from the permission
 * table; code outside a caller's context (the collaboration persistence, background jobs) sees
 * every map and authorises by itself.
 */
export function withMapVisibility<T>(visible: MapVisible, fn: () => T): T {
  return current.run(visible, fn);
}

/** Runs `fn` seeing every map (derivations for all members, e.g. the inbox sweep). */
export function withEveryMap<T>(fn: () => T): T {
  return current.exit(fn);
}

/** The visibility of the current caller, or undefined when none is set (every map visible). */
export function mapVisibility(): MapVisible | undefined {
  return current.getStore();
}

/** Parses the stored `access_user_ids` column. */
export function parseMembers(text: string | undefined | null): string[] {
  const v: unknown = JSON.parse(text ?? "[]");
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}
