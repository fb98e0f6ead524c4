import { atLeast, type Role } from "../../domain/roles.ts";
import type { MapAccess } from "../../storage/map-visibility.ts";

/**
 * THE permission table: every action anyone can take in a workspace and the weakest role that
 * may take it. HTTP routes (via `ROUTE_ACTIONS`), the collaboration websocket and the CLI ask
 * `can()`; nothing else decides who may do what.
 */
export const PERMISSIONS = {
  /** Templates, workspace settings, anything read-only about the workspace. */
  "workspace.read": "viewer",
  /** Change workspace settings (health-check thresholds …). */
  "workspace.settings": "admin",
  /** Read maps, their analysis, exports, data and surveys. */
  "map.read": "viewer",
  /** Start, answer, resolve and reopen comment threads; edit and delete one's own comments. */
  "map.comment": "commenter",
  /** Answer a review request one was named in (approve or request changes). */
  "review.decide": "commenter",
  /** Ask members to review a map, or withdraw the request. */
  "map.review": "editor",
  /** Create, change, test and delete the workspace's outgoing webhooks; read their delivery log. */
  "webhooks.manage": "admin",
  /** Read and mark one's own inbox (every member has one). */
  "inbox.read": "viewer",
  /** Create or import a map. */
  "map.create": "editor",
  /** Change a map (REST commands, metadata, KPIs, surveys, the websocket). */
  "map.edit": "editor",
  /** Delete a map. */
  "map.delete": "editor",
  /** Restrict a map to named members, or open it to the whole workspace again (its access list). */
  "map.access": "admin",
  /** Create, list and revoke a map's share links (the link's access never exceeds edit). */
  "map.share": "editor",
  /** Start a workshop session on a map (its facilitator). */
  "workshop.start": "editor",
  /** End a map's workshop session. */
  "workshop.stop": "editor",
  /** Run a session: timer, agenda, "everyone follow me", open a dot vote. */
  "workshop.facilitate": "editor",
  /** Reveal a dot vote's totals (they then feed the cards' priority). */
  "workshop.reveal": "editor",
  /** Place and remove one's dots in an open vote (comment-link guests too). */
  "workshop.vote": "commenter",
  /** Add a sticky note to the parking lot while a session runs (comment-link guests too). */
  "workshop.note": "commenter",
  /** Read personas. */
  "persona.read": "viewer",
  /** Create, change and delete personas. */
  "persona.write": "editor",
  /** See uploaded images (persona photos). */
  "upload.read": "viewer",
  /** Upload an image. */
  "upload.create": "editor",
  /** Read event logs and their process analysis. */
  "log.read": "viewer",
  /** Import and delete event logs. */
  "log.write": "editor",
  /** See who is in the workspace. */
  "members.read": "viewer",
  /** Create, list and revoke the workspace's API tokens (a token's role never exceeds its creator's). */
  "tokens.manage": "admin",
  /** Invite, change roles (up to admin) and remove members. */
  "members.manage": "admin",
  /** Make someone owner, or change or remove an owner. */
  "members.owners": "owner",
  /** Issue password-reset links (owners of the default workspace run the server). */
  "server.admin": "owner",
  /** Scrape Prometheus metrics at /metrics (or hold WAYLINE_METRICS_TOKEN). */
  "server.metrics": "admin",
  /** Write a backup of the whole instance (`wayline backup`). */
  "server.backup": "owner",
  /** Restore a backup into an empty data folder (`wayline restore`). */
  "server.restore": "owner",
} as const satisfies Record<string, Role>;

/**
 * The CLI's principal without a token: whoever runs `wayline` against the data folder or
 * DATABASE_URL already holds every byte of the instance, so CLI actions are checked as the
 * server's owner (default workspace). With `--token`/`WAYLINE_TOKEN` the CLI acts as that token
 * (its workspace and role; see `cli/principal.ts`).
 */
export const CLI_PRINCIPAL: Principal = { role: "owner" };

/** An action of the permission table. */
export type Action = keyof typeof PERMISSIONS;

/** Who asks: a role, held in one workspace (absent in local/token mode means the default one). */
export interface Principal {
  role: Role;
  workspaceId?: string | undefined;
  /** The account (accounts mode): what a restricted map's access list names. */
  userId?: string | undefined;
  /** A share link's holder acts on this one map only. */
  share?: { mapId: string } | undefined;
}

/** What is acted upon: the workspace it lives in and, for map routes, the map. */
export interface Resource {
  workspaceId: string;
  mapId?: string | undefined;
  /** The map's access list, for map resources (absent: open to the workspace). */
  access?: MapAccess | undefined;
}

/** Roles that see every map of their workspace, restricted or not. */
export const SEES_RESTRICTED: Role = "admin";

/**
 * True when `who` may take `action` on `resource`: their role is at least the table's and, when
 * both sides name a workspace, it is the same one (no cross-workspace access by id). A share
 * link's holder may act only on its own map: anything else (another map, a workspace-wide
 * resource, no resource) is refused. A restricted map is reachable only by owners and admins and
 * the members its access list names (a share link counts as its creator, checked when it opens).
 */
export function can(who: Principal, action: Action, resource?: Resource): boolean {
  if (resource && who.workspaceId !== undefined && who.workspaceId !== resource.workspaceId) return false;
  if (who.share && who.share.mapId !== resource?.mapId) return false;
  if (resource?.access?.restricted && !who.share && !listed(who, resource.access)) return false;
  return atLeast(who.role, PERMISSIONS[action]);
}

function listed(who: Principal, access: MapAccess): boolean {
  return (
    atLeast(who.role, SEES_RESTRICTED) || (who.userId !== undefined && access.members.includes(who.userId))
  );
}
