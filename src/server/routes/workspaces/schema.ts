import { z } from "zod";
import { text } from "../../../domain/model/text.ts";
import { RoleSchema } from "../../../domain/roles.ts";
import { TOKEN_NAME_MAX } from "../../../storage/tokens.ts";
import { NewPasswordSchema } from "../../accounts/passwords.ts";

/** Body of `POST /api/workspaces`. */
export const CreateWorkspaceSchema = z.strictObject({ name: text().trim().min(1).max(120) });

/** Body of `PATCH /api/workspaces/:ws/members/:userId`. */
export const SetRoleSchema = z.strictObject({ role: RoleSchema });

/** Body of `POST /api/workspaces/:ws/invitations`. */
export const InviteSchema = z.strictObject({
  role: RoleSchema.default("editor"),
  /** Days the link stays valid (default 7, at most 30). */
  days: z.number().int().min(1).max(30).default(7),
});

/** Body of `POST /api/workspaces/:ws/tokens`. */
export const CreateTokenSchema = z.strictObject({
  /** Unique in the workspace: who or what the token is for. */
  name: text().trim().min(1).max(TOKEN_NAME_MAX),
  /** What the token may do in the workspace (never more than its creator's role). */
  role: RoleSchema.default("editor"),
});

/** Body of `POST /api/invitations/:token/signup`: the invitee's new account. */
export const InvitationSignupSchema = z.strictObject({
  email: text().trim().toLowerCase().max(254).pipe(z.email()),
  name: text().trim().min(1).max(120),
  password: NewPasswordSchema,
});
