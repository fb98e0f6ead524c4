import { type Context, Hono } from "hono";
import {
  type CreatedShareLink,
  CreateShareLinkSchema,
  type ShareGrant,
  type ShareInfo,
  UnlockShareSchema,
} from "../../../contract/share.ts";
import { WaylineError } from "../../../domain/index.ts";
import type { Store } from "../../../storage/store.ts";
import { DEFAULT_LOGIN_LIMITS, LoginLimiter } from "../../accounts/login-limiter.ts";
import { hashPassword, verifyPassword } from "../../accounts/passwords.ts";
import { clientAddress } from "../../accounts/session.ts";
import type { AppEnv } from "../../context.ts";
import { creatorMayOpen, GRANT_MS, issueGrant } from "../../share/share-credential.ts";
import { body } from "../../validate.ts";

/** `/api/journeys/:id/share-links`: a map's share links — list, create, revoke (`map.share`). */
export function shareLinkRoutes(store: Store, now: () => Date): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  // The map must exist in the caller's workspace (404 otherwise, like every map route).
  const map = async (c: Context<AppEnv>) =>
    (await c.var.services.journeys.get(c.var.workspaceId, c.req.param("id") ?? "")).map.id;
  r.get("/:id/share-links", async (c) =>
    c.json(await store.shareLinks.listForMap(c.var.workspaceId, await map(c))),
  );
  r.post("/:id/share-links", async (c) => {
    const mapId = await map(c);
    const input = await body(c, CreateShareLinkSchema);
    const at = now();
    const expiresAt = input.days ? new Date(at.getTime() + input.days * 86_400_000).toISOString() : null;
    const { link, token } = await store.shareLinks.create(
      {
        workspaceId: c.var.workspaceId,
        mapId,
        access: input.access,
        passwordHash: input.password ? await hashPassword(input.password) : null,
        createdBy: c.var.identity.userId ?? c.var.identity.name,
        expiresAt,
      },
      at.toISOString(),
    );
    return c.json<CreatedShareLink>({ link, token, path: `/s/${token}`, embedPath: `/embed/${token}` }, 201);
  });
  r.delete("/:id/share-links/:linkId", async (c) => {
    const mapId = await map(c);
    const done = await store.shareLinks.revoke(
      c.var.workspaceId,
      mapId,
      c.req.param("linkId"),
      now().toISOString(),
    );
    if (!done)
      throw new WaylineError("not_found", `no live share link "${c.req.param("linkId")}" on this map`);
    return c.body(null, 204);
  });
  return r;
}

/** Wrong share-link passwords: 5 per link or 20 per address in 15 minutes lock for 15 minutes. */
export const SHARE_UNLOCK_LIMITS = DEFAULT_LOGIN_LIMITS;

/**
 * `/api/share/:token`: opening a link without an account. The token itself is the credential;
 * unknown, revoked and expired links all answer 404. A password-protected link withholds its
 * map until `POST …/unlock` gives the right password (rate-limited per link and per address).
 */
export function publicShareRoutes(store: Store, now: () => Date): Hono {
  const r = new Hono();
  const limiter = new LoginLimiter(store.loginFailures, SHARE_UNLOCK_LIMITS, () => now().getTime());
  const open = async (token: string) => {
    const link = await store.shareLinks.open(token, now().toISOString());
    if (!link || !(await creatorMayOpen(store, link)))
      throw new WaylineError("not_found", "this share link is unknown, revoked or expired");
    return link;
  };
  r.get("/:token", async (c) => {
    const link = await open(c.req.param("token"));
    const needsPassword = link.passwordHash !== null;
    return c.json<ShareInfo>({
      access: link.access,
      needsPassword,
      ...(needsPassword ? {} : { mapId: link.mapId }),
      expiresAt: link.expiresAt,
    });
  });
  r.post("/:token/unlock", async (c) => {
    const link = await open(c.req.param("token"));
    const { password } = await body(c, UnlockShareSchema);
    const key = `share:${link.id}`;
    const address = clientAddress(c);
    await limiter.check(key, address);
    if (link.passwordHash === null || !(await verifyPassword(link.passwordHash, password))) {
      await limiter.fail(key, address);
      throw new WaylineError("unauthorized", "wrong password for this share link");
    }
    await limiter.succeed(key);
    const until = Math.min(
      now().getTime() + GRANT_MS,
      link.expiresAt ? Date.parse(link.expiresAt) : Infinity,
    );
    return c.json<ShareGrant>({
      grant: issueGrant(link, until),
      expiresAt: new Date(until).toISOString(),
      mapId: link.mapId,
    });
  });
  return r;
}
