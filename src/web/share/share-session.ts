import {
  GUEST_HEADER,
  SHARE_GRANT_HEADER,
  SHARE_HEADER,
  type ShareCredential,
  shareCollabToken,
} from "../../contract/share.ts";

/**
 * The share link this page was opened with (`/s/<token>`, `/embed/<token>`): every API request
 * and the collaboration websocket then carry it instead of an account. Empty on other pages.
 */
let credential: ShareCredential | null = null;

/** Uses a share link's credential for every later request of this page. */
export function setShareCredential(c: ShareCredential | null): void {
  credential = c;
}

/** Headers of the share credential (none when the page was not opened from a link). */
export function shareHeaders(): Record<string, string> {
  if (!credential) return {};
  return {
    [SHARE_HEADER]: credential.token,
    ...(credential.grant ? { [SHARE_GRANT_HEADER]: credential.grant } : {}),
    // Header values are ISO-8859-1: the guest's name travels URI-encoded, decoded by the server.
    ...(credential.guest ? { [GUEST_HEADER]: encodeURIComponent(credential.guest) } : {}),
  };
}

/** The collaboration token of the share credential, or null. */
export function shareWsToken(): string | null {
  return credential ? shareCollabToken(credential) : null;
}

const GUEST_KEY = "wayline.collab.name";

/** The guest name this browser used last (also the presence name), or "". */
export function rememberedGuestName(): string {
  try {
    return localStorage.getItem(GUEST_KEY) ?? "";
  } catch {
    return "";
  }
}

/** Remembers the guest name (presence shows it to the others). */
export function rememberGuestName(name: string): void {
  try {
    localStorage.setItem(GUEST_KEY, name);
  } catch {}
}
