import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Role } from "../domain/roles.ts";
import { hashSecret, newSecret } from "./accounts.ts";
import type { Database } from "./schema.ts";

/** A member of a workspace. */
export interface Member {
  userId: string;
  email: string;
  name: string;
  role: Role;
  since: string;
}

/** A workspace a user belongs to, with their role. */
export interface Membership {
  id: string;
  name: string;
  role: Role;
}

/** An open or used invitation (never its token). */
export interface Invitation {
  id: string;
  workspaceId: string;
  role: Role;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  acceptedBy: string | null;
}

/** Workspaces as teams: creation, members and invitations by link. */
export class MemberRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Creates a workspace owned by `ownerId`. */
  async createWorkspace(name: string, ownerId: string, now: string): Promise<Membership> {
    const id = randomUUID();
    await this.db.insertInto("workspaces").values({ id, name, created_at: now }).execute();
    await this.db
      .insertInto("members")
      .values({ workspace_id: id, user_id: ownerId, role: "owner", created_at: now })
      .execute();
    return { id, name, role: "owner" };
  }

  /** The workspaces of a user, oldest first. */
  async workspacesOf(userId: string): Promise<Membership[]> {
    const rows = await this.db
      .selectFrom("members")
      .innerJoin("workspaces", "workspaces.id", "members.workspace_id")
      .select(["workspaces.id", "workspaces.name", "members.role"])
      .where("members.user_id", "=", userId)
      .orderBy("workspaces.created_at")
      .orderBy("workspaces.id")
      .execute();
    return rows.map((r) => ({ id: r.id, name: r.name, role: r.role as Role }));
  }

  /** The role of a user in a workspace, or undefined when not a member. */
  async roleOf(workspaceId: string, userId: string): Promise<Role | undefined> {
    const row = await this.db
      .selectFrom("members")
      .select("role")
      .where("workspace_id", "=", workspaceId)
      .where("user_id", "=", userId)
      .executeTakeFirst();
    return row?.role as Role | undefined;
  }

  /** The members of a workspace, by e-mail. */
  async list(workspaceId: string): Promise<Member[]> {
    const rows = await this.db
      .selectFrom("members")
      .innerJoin("users", "users.id", "members.user_id")
      .select(["users.id", "users.email", "users.name", "members.role", "members.created_at"])
      .where("members.workspace_id", "=", workspaceId)
      .orderBy("users.email")
      .execute();
    return rows.map((r) => ({
      userId: r.id,
      email: r.email,
      name: r.name,
      role: r.role as Role,
      since: r.created_at,
    }));
  }

  /** Adds or changes a member's role. */
  async setRole(workspaceId: string, userId: string, role: Role, now: string): Promise<void> {
    await this.db
      .insertInto("members")
      .values({ workspace_id: workspaceId, user_id: userId, role, created_at: now })
      .onConflict((oc) => oc.columns(["workspace_id", "user_id"]).doUpdateSet({ role }))
      .execute();
  }

  /** Removes a member; true when there was one. */
  async remove(workspaceId: string, userId: string): Promise<boolean> {
    const r = await this.db
      .deleteFrom("members")
      .where("workspace_id", "=", workspaceId)
      .where("user_id", "=", userId)
      .executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  /** How many owners a workspace has (the last one cannot leave or be demoted). */
  async ownerCount(workspaceId: string): Promise<number> {
    const r = await this.db
      .selectFrom("members")
      .select((e) => e.fn.countAll<number>().as("n"))
      .where("workspace_id", "=", workspaceId)
      .where("role", "=", "owner")
      .executeTakeFirst();
    return Number(r?.n ?? 0);
  }

  /** Creates an invitation link token (shown once). */
  async invite(
    workspaceId: string,
    role: Role,
    createdBy: string,
    now: string,
    expiresAt: string,
  ): Promise<{ token: string; invitation: Invitation }> {
    const token = newSecret("wli_");
    const invitation: Invitation = {
      id: randomUUID(),
      workspaceId,
      role,
      createdBy,
      createdAt: now,
      expiresAt,
      acceptedBy: null,
    };
    await this.db
      .insertInto("invitations")
      .values({
        id: invitation.id,
        token_hash: hashSecret(token),
        workspace_id: workspaceId,
        role,
        created_by: createdBy,
        created_at: now,
        expires_at: expiresAt,
        accepted_by: null,
      })
      .execute();
    return { token, invitation };
  }

  /** The invitations of a workspace, newest first. */
  async invitations(workspaceId: string): Promise<Invitation[]> {
    const rows = await this.db
      .selectFrom("invitations")
      .selectAll()
      .where("workspace_id", "=", workspaceId)
      .orderBy("created_at", "desc")
      .execute();
    return rows.map((r) => ({
      id: r.id,
      workspaceId: r.workspace_id,
      role: r.role as Role,
      createdBy: r.created_by,
      createdAt: r.created_at,
      expiresAt: r.expires_at,
      acceptedBy: r.accepted_by,
    }));
  }

  /** Revokes an invitation of a workspace; true when there was one. */
  async revokeInvitation(workspaceId: string, id: string): Promise<boolean> {
    const r = await this.db
      .deleteFrom("invitations")
      .where("workspace_id", "=", workspaceId)
      .where("id", "=", id)
      .executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  /** The open invitation of a token (unused, not expired) with its workspace name. */
  async openInvitation(
    token: string,
    now: string,
  ): Promise<(Invitation & { workspaceName: string }) | undefined> {
    const r = await this.db
      .selectFrom("invitations")
      .innerJoin("workspaces", "workspaces.id", "invitations.workspace_id")
      .selectAll("invitations")
      .select("workspaces.name as workspace_name")
      .where("token_hash", "=", hashSecret(token))
      .where("accepted_by", "is", null)
      .where("expires_at", ">", now)
      .executeTakeFirst();
    if (!r) return undefined;
    return {
      id: r.id,
      workspaceId: r.workspace_id,
      workspaceName: r.workspace_name,
      role: r.role as Role,
      createdBy: r.created_by,
      createdAt: r.created_at,
      expiresAt: r.expires_at,
      acceptedBy: r.accepted_by,
    };
  }

  /** Marks an invitation used by `userId` (single use); true when it was still open. */
  async markAccepted(id: string, userId: string, now: string): Promise<boolean> {
    const r = await this.db
      .updateTable("invitations")
      .set({ accepted_by: userId })
      .where("id", "=", id)
      .where("accepted_by", "is", null)
      .where("expires_at", ">", now)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }
}
