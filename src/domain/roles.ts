import { z } from "zod";

/** Roles in a workspace, strongest first. */
export const ROLES = ["owner", "admin", "editor", "commenter", "viewer"] as const;
/** A member's (or token's) role in a workspace. */
export type Role = (typeof ROLES)[number];
/** Schema of a role. */
export const RoleSchema = z.enum(ROLES);

/** True when `role` is at least as strong as `minimum`. */
export function atLeast(role: Role, minimum: Role): boolean {
  return ROLES.indexOf(role) <= ROLES.indexOf(minimum);
}
