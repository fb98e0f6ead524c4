import type { Role } from "../../domain/roles.ts";
import { request } from "../api/request.ts";

/** A workspace of the signed-in user. */
export interface WorkspaceOfUser {
  id: string;
  name: string;
  role: Role;
}

/** `GET /api/auth/me`: accounts mode, or local/token mode without accounts. */
export type Me =
  | {
      mode: "accounts";
      user: { id: string; email: string; name: string };
      csrf: string;
      workspaces: WorkspaceOfUser[];
    }
  | { mode: "local" | "token"; identity: { name: string; role: Role } };

/** A member of a workspace. */
export interface MemberView {
  userId: string;
  email: string;
  name: string;
  role: Role;
  since: string;
}

/** An invitation as listed (the token only right after creation). */
export interface InvitationView {
  id: string;
  role: Role;
  createdAt: string;
  expiresAt: string;
  acceptedBy: string | null;
  token?: string;
  path?: string;
}

const ws = (id: string) => `/api/workspaces/${encodeURIComponent(id)}`;

/** Client of `/api/auth`, `/api/workspaces` and `/api/invitations` (docs/api.md). */
export const authApi = {
  me: () => request<Me>("GET", "/api/auth/me"),
  setupNeeded: () => request<{ needed: boolean }>("GET", "/api/auth/setup"),
  setup: (email: string, password: string, name?: string) =>
    request<Me>("POST", "/api/auth/setup", { body: name ? { email, password, name } : { email, password } }),
  login: (email: string, password: string) =>
    request<Me>("POST", "/api/auth/login", { body: { email, password } }),
  logout: () => request<void>("POST", "/api/auth/logout", { body: {} }),
  logoutAll: () => request<void>("POST", "/api/auth/logout-all", { body: {} }),
  changePassword: (current: string, next: string) =>
    request<Me>("POST", "/api/auth/password", { body: { current, next } }),
  reset: (token: string, password: string) =>
    request<void>("POST", "/api/auth/reset", { body: { token, password } }),
  workspaces: () => request<WorkspaceOfUser[]>("GET", "/api/workspaces"),
  createWorkspace: (name: string) => request<WorkspaceOfUser>("POST", "/api/workspaces", { body: { name } }),
  members: (id: string) => request<MemberView[]>("GET", `${ws(id)}/members`),
  setRole: (id: string, userId: string, role: Role) =>
    request<void>("PATCH", `${ws(id)}/members/${encodeURIComponent(userId)}`, { body: { role } }),
  removeMember: (id: string, userId: string) =>
    request<void>("DELETE", `${ws(id)}/members/${encodeURIComponent(userId)}`),
  invitations: (id: string) => request<InvitationView[]>("GET", `${ws(id)}/invitations`),
  invite: (id: string, role: Role, days: number) =>
    request<InvitationView>("POST", `${ws(id)}/invitations`, { body: { role, days } }),
  revokeInvitation: (id: string, invitationId: string) =>
    request<void>("DELETE", `${ws(id)}/invitations/${encodeURIComponent(invitationId)}`),
  previewInvitation: (token: string) =>
    request<{ workspaceId: string; workspaceName: string; role: Role; expiresAt: string }>(
      "GET",
      `/api/invitations/${encodeURIComponent(token)}`,
    ),
  acceptInvitation: (token: string) =>
    request<WorkspaceOfUser>("POST", `/api/invitations/${encodeURIComponent(token)}/accept`, { body: {} }),
};
