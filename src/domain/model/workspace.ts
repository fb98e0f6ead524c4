import { z } from "zod";
import { WorkspaceIdSchema } from "./ids.ts";
import { text } from "./text.ts";

/** Role of a member in a workspace. */
export const MemberRoleSchema = z.enum(["owner", "editor", "viewer"]);
export type MemberRole = z.infer<typeof MemberRoleSchema>;

/** A team's space: members, personas, maps, data sources. */
export const WorkspaceSchema = z.strictObject({
  /** Stable id. */
  id: WorkspaceIdSchema,
  /** Display name. */
  name: text().min(1).max(120),
  /** Creation time (ISO 8601). */
  createdAt: z.iso.datetime({ offset: true }),
});
export type Workspace = z.infer<typeof WorkspaceSchema>;
