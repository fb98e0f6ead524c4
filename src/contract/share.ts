import { z } from "zod";
import { ShareAccessSchema } from "../domain/share.ts";
import type { ShareLink } from "../storage/share-links.ts";

/** Longest guest name (presence, comments). */
export const GUEST_NAME_MAX = 60;
/** Longest share-link password; argon2 input stays bounded. */
export const SHARE_PASSWORD_MAX = 200;
/** Longest life of a share link (days). */
export const SHARE_MAX_DAYS = 365;

/** Body of `POST /api/journeys/:id/share-links`. */
export const CreateShareLinkSchema = z.strictObject({
  /** What the holder may do: view (read-only), comment, edit (live). */
  access: ShareAccessSchema,
  /** Days until it expires (1–365); absent = until revoked. */
  days: z.number().int().min(1).max(SHARE_MAX_DAYS).optional(),
  /** Password the holder must enter (8–200 characters); absent = open link. */
  password: z.string().min(8, "at least 8 characters").max(SHARE_PASSWORD_MAX).optional(),
});
/** Input of creating a share link. */
export type CreateShareLinkInput = z.input<typeof CreateShareLinkSchema>;

/** Body of `POST /api/share/:token/unlock`. */
export const UnlockShareSchema = z.strictObject({ password: z.string().min(1).max(SHARE_PASSWORD_MAX) });

/** A share link as listed (never its token). */
export type ShareLinkInfo = ShareLink;

/** Answer of `POST /api/journeys/:id/share-links`: the link and its token (shown once). */
export interface CreatedShareLink {
  link: ShareLink;
  token: string;
  /** Path of the page that opens it (`/s/<token>`). */
  path: string;
  /** Path of the embeddable read-only picture (`/embed/<token>`). */
  embedPath: string;
}

/** Answer of `GET /api/share/:token`: what the holder needs to open the map. */
export interface ShareInfo {
  access: z.infer<typeof ShareAccessSchema>;
  /** True when the password must be given first (the map id is then withheld). */
  needsPassword: boolean;
  /** The map (absent while a password is needed). */
  mapId?: string;
  expiresAt: string | null;
}

/** Answer of `POST /api/share/:token/unlock`: the grant to send as `X-Wayline-Share-Grant`. */
export interface ShareGrant {
  grant: string;
  /** When the grant ends (ISO); enter the password again after that. */
  expiresAt: string;
  mapId: string;
}

/** Header carrying a share link's token (`wls_…`). */
export const SHARE_HEADER = "x-wayline-share";
/** Header carrying the grant of a password-protected link (from `POST /api/share/:token/unlock`). */
export const SHARE_GRANT_HEADER = "x-wayline-share-grant";
/** Header carrying the guest's name (presence, comments). */
export const GUEST_HEADER = "x-wayline-guest";

/** Prefix of a collaboration token that is a share-link credential. */
export const SHARE_WS_PREFIX = "share:";

/** A share-link credential on the collaboration websocket. */
export const WsShareSchema = z.strictObject({
  token: z.string().min(1).max(200),
  grant: z.string().max(200).optional(),
  guest: z.string().max(200).optional(),
});
/** A share-link credential: the token, the grant of a password-protected link, the guest's name. */
export type ShareCredential = z.infer<typeof WsShareSchema>;

/** The collaboration token of a share link's holder: `share:` + JSON `{token, grant?, guest?}`. */
export function shareCollabToken(input: ShareCredential): string {
  return SHARE_WS_PREFIX + JSON.stringify(input);
}
