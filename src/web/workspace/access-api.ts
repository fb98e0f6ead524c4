import type { MapAccessInput, MapAccessView } from "../../contract/map-access.ts";
import type { Role } from "../../domain/roles.ts";
import { request } from "../api/request.ts";

/** An API token as listed (never its value). */
export interface TokenView {
  id: number;
  name: string;
  role: Role;
  workspaceId: string;
  createdAt: string;
  lastUsedAt: string | null;
}

const ws = (id: string) => `/api/workspaces/${encodeURIComponent(id)}`;

/** Client of a map's access list and a workspace's API tokens (docs/api.md). */
export const accessApi = {
  mapAccess: (mapId: string) =>
    request<MapAccessView>("GET", `/api/journeys/${encodeURIComponent(mapId)}/access`),
  setMapAccess: (mapId: string, body: MapAccessInput) =>
    request<MapAccessView>("PUT", `/api/journeys/${encodeURIComponent(mapId)}/access`, { body }),
  tokens: (id: string) => request<TokenView[]>("GET", `${ws(id)}/tokens`),
  createToken: (id: string, name: string, role: Role) =>
    request<TokenView & { token: string }>("POST", `${ws(id)}/tokens`, { body: { name, role } }),
  revokeToken: (id: string, tokenId: number) => request<void>("DELETE", `${ws(id)}/tokens/${tokenId}`),
  invitationOffer: (token: string) =>
    request<{ workspaceName: string; role: Role; expiresAt: string }>(
      "GET",
      `/api/invitations/${encodeURIComponent(token)}/signup`,
    ),
  signup: (token: string, body: { name: string; email: string; password: string }) =>
    request<{ id: string; name: string; role: Role }>(
      "POST",
      `/api/invitations/${encodeURIComponent(token)}/signup`,
      { body },
    ),
};
