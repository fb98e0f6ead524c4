import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Role } from "../domain/roles.ts";
import type { SessionRow, UserRow } from "./account-schema.ts";
import type { Database } from "./schema.ts";
import { DEFAULT_WORKSPACE_ID } from "./workspaces.ts";

/** A user as the rest of the code sees it (never the password hash). */
export interface User {
  id: string;
  email: string;
  name: string;
  createdAt: string;
}

/** SHA-256 of a secret (session id, reset or invitation token), as stored. */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** A new random secret for a cookie or link. */
export function newSecret(prefix: string): string {
  return `${prefix}${randomBytes(32).toString("base64url")}`;
}

function toUser(row: Pick<UserRow, "id" | "email" | "name" | "created_at">): User {
  return { id: row.id, email: row.email, name: row.name, createdAt: row.created_at };
}

/** Users, sessions and password resets. Passwords arrive already hashed (argon2id). */
export class AccountRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Number of accounts (the setup page is open only while it is 0). */
  async count(): Promise<number> {
    const r = await this.db
      .selectFrom("users")
      .select((e) => e.fn.countAll<number>().as("n"))
      .executeTakeFirst();
    return Number(r?.n ?? 0);
  }

  /**
   * Creates a user. The very first user becomes owner of the `default` workspace, which is where
   * a single-user data folder keeps its maps: that is how an existing folder upgrades.
   */
  async createUser(input: { email: string; name: string; passwordHash: string }, now: string): Promise<User> {
    const id = randomUUID();
    const email = input.email.trim().toLowerCase();
    const work = async (tx: Kysely<Database>) => {
      const first = Number(
        (
          await tx
            .selectFrom("users")
            .select((e) => e.fn.countAll<number>().as("n"))
            .executeTakeFirst()
        )?.n ?? 0,
      );
      await tx
        .insertInto("users")
        .values({ id, email, name: input.name, password_hash: input.passwordHash, created_at: now })
        .execute();
      if (first === 0)
        await tx
          .insertInto("members")
          .values({
            workspace_id: DEFAULT_WORKSPACE_ID,
            user_id: id,
            role: "owner" satisfies Role,
            created_at: now,
          })
          .execute();
    };
    // Repositories may already be bound to a transaction (Kysely does not nest them).
    if (this.db.isTransaction) await work(this.db);
    else await this.db.transaction().execute(work);
    return { id, email, name: input.name, createdAt: now };
  }

  /** The user with this e-mail and their password hash, or undefined. */
  async findByEmail(email: string): Promise<(User & { passwordHash: string }) | undefined> {
    const row = await this.db
      .selectFrom("users")
      .selectAll()
      .where("email", "=", email.trim().toLowerCase())
      .executeTakeFirst();
    return row ? { ...toUser(row), passwordHash: row.password_hash } : undefined;
  }

  /** The user with this id and their password hash, or undefined. */
  async findById(id: string): Promise<(User & { passwordHash: string }) | undefined> {
    const row = await this.db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
    return row ? { ...toUser(row), passwordHash: row.password_hash } : undefined;
  }

  /** Replaces the password hash and ends every session of the user. */
  async setPassword(userId: string, passwordHash: string): Promise<void> {
    await this.db
      .updateTable("users")
      .set({ password_hash: passwordHash })
      .where("id", "=", userId)
      .execute();
    await this.endAllSessions(userId);
  }

  /** Starts a session; returns the cookie value (stored only as a hash) and its CSRF token. */
  async startSession(userId: string, now: string, expiresAt: string): Promise<{ id: string; csrf: string }> {
    const id = newSecret("wls_");
    const csrf = newSecret("");
    await this.db
      .insertInto("sessions")
      .values({
        id_hash: hashSecret(id),
        user_id: userId,
        csrf_token: csrf,
        created_at: now,
        expires_at: expiresAt,
      })
      .execute();
    return { id, csrf };
  }

  /** The live session of a cookie value and its user, or undefined when unknown or expired. */
  async session(id: string, now: string): Promise<{ session: SessionRow; user: User } | undefined> {
    const row = await this.db
      .selectFrom("sessions")
      .innerJoin("users", "users.id", "sessions.user_id")
      .select([
        "sessions.id_hash",
        "sessions.user_id",
        "sessions.csrf_token",
        "sessions.created_at",
        "sessions.expires_at",
        "users.id",
        "users.email",
        "users.name",
        "users.created_at as user_created_at",
      ])
      .where("sessions.id_hash", "=", hashSecret(id))
      .executeTakeFirst();
    if (!row || row.expires_at <= now) return undefined;
    return {
      session: {
        id_hash: row.id_hash,
        user_id: row.user_id,
        csrf_token: row.csrf_token,
        created_at: row.created_at,
        expires_at: row.expires_at,
      },
      user: toUser({ id: row.id, email: row.email, name: row.name, created_at: row.user_created_at }),
    };
  }

  /** Ends one session. */
  async endSession(id: string): Promise<void> {
    await this.db.deleteFrom("sessions").where("id_hash", "=", hashSecret(id)).execute();
  }

  /** Ends every session of a user ("log out everywhere"). */
  async endAllSessions(userId: string): Promise<void> {
    await this.db.deleteFrom("sessions").where("user_id", "=", userId).execute();
  }

  /** Issues a single-use reset token for a user; returns its plain value. */
  async issueReset(userId: string, now: string, expiresAt: string): Promise<string> {
    const token = newSecret("wlr_");
    await this.db
      .insertInto("password_resets")
      .values({
        token_hash: hashSecret(token),
        user_id: userId,
        created_at: now,
        expires_at: expiresAt,
        used_at: null,
      })
      .execute();
    return token;
  }

  /** Consumes a reset token: the user id when it is valid, unused and not expired. */
  async consumeReset(token: string, now: string): Promise<string | undefined> {
    const hash = hashSecret(token);
    const done = await this.db
      .updateTable("password_resets")
      .set({ used_at: now })
      .where("token_hash", "=", hash)
      .where("used_at", "is", null)
      .where("expires_at", ">", now)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) return undefined;
    const row = await this.db
      .selectFrom("password_resets")
      .select("user_id")
      .where("token_hash", "=", hash)
      .executeTakeFirst();
    return row?.user_id;
  }
}
