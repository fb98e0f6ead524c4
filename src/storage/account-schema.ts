/** Row of `users`: an account (accounts mode); only an argon2id hash of the password is stored. */
export interface UserRow {
  id: string;
  /** Lower-cased, unique. */
  email: string;
  name: string;
  password_hash: string;
  created_at: string;
}

/** Row of `sessions`: a login; only a SHA-256 hash of the cookie value is stored. */
export interface SessionRow {
  id_hash: string;
  user_id: string;
  /** Sent back in `X-Wayline-CSRF` on cookie-authenticated writes without a JSON body. */
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

/** Row of `members`: a user's role in a workspace. */
export interface MemberRow {
  workspace_id: string;
  user_id: string;
  role: string;
  created_at: string;
}

/** Row of `invitations`: a link that makes whoever accepts it a member with `role`. */
export interface InvitationRow {
  id: string;
  token_hash: string;
  workspace_id: string;
  role: string;
  created_by: string;
  created_at: string;
  expires_at: string;
  accepted_by: string | null;
}

/** Row of `password_resets`: an admin-issued, single-use reset link. */
export interface PasswordResetRow {
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

/** The account tables, merged into `Database`. */
export interface AccountTables {
  users: UserRow;
  sessions: SessionRow;
  members: MemberRow;
  invitations: InvitationRow;
  password_resets: PasswordResetRow;
}
