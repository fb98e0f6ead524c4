import type {
  CreatedShareLink,
  CreateShareLinkInput,
  ShareGrant,
  ShareInfo,
  ShareLinkInfo,
} from "../../contract/share.ts";
import { request } from "../api/request.ts";

const base = (id: string) => `/api/journeys/${encodeURIComponent(id)}/share-links`;

/** Typed client of the share-link API (docs/api.md). */
export const shareApi = {
  list: (mapId: string) => request<ShareLinkInfo[]>("GET", base(mapId)),
  create: (mapId: string, input: CreateShareLinkInput) =>
    request<CreatedShareLink>("POST", base(mapId), { body: input }),
  revoke: (mapId: string, linkId: string) =>
    request<void>("DELETE", `${base(mapId)}/${encodeURIComponent(linkId)}`),
  info: (token: string) => request<ShareInfo>("GET", `/api/share/${encodeURIComponent(token)}`),
  unlock: (token: string, password: string) =>
    request<ShareGrant>("POST", `/api/share/${encodeURIComponent(token)}/unlock`, { body: { password } }),
};
