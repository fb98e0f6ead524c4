import { createHmac, timingSafeEqual } from "node:crypto";
import { WaylineError } from "../../domain/index.ts";
import { SHARE_ROLE } from "../../domain/share.ts";
import type { OpenShareLink } from "../../storage/share-links.ts";
import type { Store } from "../../storage/store.ts";
import { can } from "../access/permissions.ts";
import type { Identity } from "../auth.ts";

/** A grant lasts 12 hours. */
export const GRANT_MS = 12 * 3600_000;

function mac(link: OpenShareLink, until: number): string {
  // Keyed by the link's password hash (its random salt is secret to the server): no server key to
  // keep, valid across restarts and servers, and void as soon as the link or its password goes.
  return createHmac("sha256", link.passwordHash ?? "")
    .update(`${link.id}.${until}`)
    .digest("base64url");
}

/** A grant for a password-protected link, valid until `until` (ms since epoch). */
export function issueGrant(link: OpenShareLink, until: number): string {
  return `${until}.${mac(link, until)}`;
}

/** True when `grant` was issued for this link and has not expired at `now`. */
export function grantValid(link: OpenShareLink, grant: string | undefined, now: number): boolean {
  const [untilText, sig] = (grant ?? "").split(".");
  const until = Number(untilText);
  if (!sig || !Number.isFinite(until) || until <= now) return false;
  const want = Buffer.from(mac(link, until));
  const got = Buffer.from(sig);
  return want.length === got.length && timingSafeEqual(want, got);
}

/** A guest's name as given, trimmed and bounded; "Guest" when empty. */
export function guestName(raw: string | undefined): string {
  let text = raw ?? "";
  try {
    text = decodeURIComponent(text);
  } catch {}
  const name = text
    .replace(/[\p{Cc}\p{Cf}]/gu, "")
    .trim()
    .slice(0, 60);
  return name || "Guest";
}

/** The identity of a share link's holder: the link's role on its one map, in its workspace. */
export function shareIdentity(link: OpenShareLink, guest: string | undefined): Identity {
  return {
    name: `${guestName(guest)} (guest)`,
    role: SHARE_ROLE[link.access],
    workspaceId: link.workspaceId,
    share: { linkId: link.id, mapId: link.mapId },
  };
}

/**
 * The live link of a share credential, or `unauthorized`: unknown, revoked and expired links all
 * answer the same; a password-protected link also needs a valid grant.
 */
export async function openShareCredential(
  store: Store,
  token: string,
  grant: string | undefined,
  now: Date,
): Promise<OpenShareLink> {
  const link = await store.shareLinks.open(token, now.toISOString());
  if (!link || !(await creatorMayOpen(store, link)))
    throw new WaylineError("unauthorized", "this share link is unknown, revoked or expired");
  if (link.passwordHash !== null && !grantValid(link, grant, now.getTime()))
    throw new WaylineError("unauthorized", "this share link needs its password", { needsPassword: true });
  return link;
}

/**
 * A link is its creator's reach: on a restricted map it opens only while the member who created
 * it may still open the map (listed, or owner/admin). Links of open maps are unaffected.
 */
export async function creatorMayOpen(store: Store, link: OpenShareLink): Promise<boolean> {
  const map = await store.journeys.accessOf(link.mapId);
  if (!map || map.workspaceId !== link.workspaceId) return false;
  if (!map.restricted) return true;
  const role = await store.members.roleOf(link.workspaceId, link.createdBy);
  return (
    role !== undefined &&
    can({ role, userId: link.createdBy, workspaceId: link.workspaceId }, "map.read", {
      workspaceId: map.workspaceId,
      mapId: map.id,
      access: map,
    })
  );
}
