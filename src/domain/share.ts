import { z } from "zod";
import type { Role } from "./roles.ts";

/** What a share link lets its holder do with its one map. */
export const SHARE_ACCESS = ["view", "comment", "edit"] as const;
/** Access of a share link. */
export type ShareAccess = (typeof SHARE_ACCESS)[number];
/** Schema of a share link's access. */
export const ShareAccessSchema = z.enum(SHARE_ACCESS);

/**
 * The role a share link's holder gets on its map, so the one permission table decides what a
 * guest may do: view → viewer, comment → commenter, edit → editor (never more, never another map).
 */
export const SHARE_ROLE: Record<ShareAccess, Role> = {
  view: "viewer",
  comment: "commenter",
  edit: "editor",
};
