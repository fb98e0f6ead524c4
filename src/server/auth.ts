import type { Context, MiddlewareHandler } from "hono";
import { WaylineError } from "../domain/index.ts";
import type { Role } from "../domain/roles.ts";
import type { TokenRepository } from "../storage/tokens.ts";

/** Who is asking. */
export interface Identity {
  /** User or token name. */
  name: string;
  /** What they may do (in `workspaceId`). */
  role: Role;
  /** The workspace the role holds in (accounts mode); absent means the default workspace. */
  workspaceId?: string;
  /** The account (accounts mode with a session). */
  userId?: string;
}

/** Resolves the identity of a request, or throws `unauthorized` / `forbidden`. */
export type Authenticator = (c: Context) => Promise<Identity>;

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;
const LOCAL_HOST = /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/i;

/** Remote address of the connection (set by @hono/node-server as `env.incoming`). */
function remoteAddress(c: Context): string | undefined {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress;
}

/**
 * Local mode (the laptop default): the person at the machine owns everything, so a request is
 * accepted only from a loopback address with a loopback Host header (which also defeats DNS
 * rebinding) and, for browsers, a loopback Origin (which defeats cross-site requests).
 */
export function localAuthenticator(): Authenticator {
  return async (c) => {
    checkLocalRequest(remoteAddress(c), c.req.header("host"), c.req.header("origin"));
    return { name: "local", role: "owner" };
  };
}

/**
 * The local-mode rules on one request (HTTP or a websocket upgrade): loopback peer, loopback
 * Host, and a loopback Origin when there is one. Throws `forbidden` otherwise.
 */
export function checkLocalRequest(
  addr: string | undefined,
  host: string | undefined,
  origin: string | undefined,
): void {
  if (!addr || !LOOPBACK.test(addr))
    throw new WaylineError("forbidden", "local mode accepts requests from this machine only");
  if (!LOCAL_HOST.test(host ?? ""))
    throw new WaylineError("forbidden", `local mode does not answer for host "${host ?? ""}"`);
  if (origin && !LOCAL_HOST.test(origin.replace(/^(https?|wss?):\/\//, "")))
    throw new WaylineError("forbidden", "cross-site requests are not allowed");
}

/** Team mode: `Authorization: Bearer <token>` checked against stored token hashes. */
export function tokenAuthenticator(tokens: TokenRepository): Authenticator {
  return async (c) => {
    const header = c.req.header("authorization") ?? "";
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    if (!m?.[1])
      throw new WaylineError("unauthorized", "missing bearer token (Authorization: Bearer <token>)");
    const who = await tokens.verify(m[1]);
    if (!who) throw new WaylineError("unauthorized", "unknown or revoked token");
    return who;
  };
}

const WRITES = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Middleware: every request is authenticated; viewers may only read. */
export function requireIdentity(
  auth: Authenticator,
): MiddlewareHandler<{ Variables: { identity: Identity } }> {
  return async (c, next) => {
    const who = await auth(c);
    if (who.role === "viewer" && WRITES.has(c.req.method))
      throw new WaylineError("forbidden", "viewers cannot change anything");
    c.set("identity", who);
    await next();
  };
}
