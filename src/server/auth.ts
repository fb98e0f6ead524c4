import type { Context, MiddlewareHandler } from "hono";
import { WaylineError } from "../domain/index.ts";
import type { Role } from "../domain/roles.ts";
import type { TokenRepository } from "../storage/tokens.ts";
import { PERMISSIONS } from "./access/permissions.ts";
import { ruleFor } from "./access/route-actions.ts";
import { authFailuresFromEnv, Buckets, rateLimited } from "./rate-limit.ts";

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
  /** The API token's row id and creation time (token mode): its rate-limit bucket. */
  tokenId?: number;
  createdAt?: string;
  /** A share link's holder: only this map, only the routes the table marks `shared`. */
  share?: { linkId: string; mapId: string };
}

/** Resolves the identity of a request, or throws `unauthorized` / `forbidden`. */
export type Authenticator = (c: Context) => Promise<Identity>;

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;
const LOCAL_HOST = /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/i;

/**
 * Whether a browser's Origin is this server's own origin: the server's scheme (plain http in local
 * mode), and host and port equal to the Host header the request was sent to. A page on another local port (`localhost:3000`) is
 * another origin and gets no access, nor does the opaque origin `null` (sandboxes, `file:`).
 */
export function isOwnOrigin(origin: string, host: string, scheme: "http:" | "https:" = "http:"): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.protocol !== scheme) return false;
  if (url.pathname !== "/" || url.search || url.username) return false;
  return url.host.toLowerCase() === normaliseHost(host, url.protocol);
}

/** `Host` as `URL.host` spells it: lower case, without the scheme's default port. */
function normaliseHost(host: string, protocol: string): string {
  const h = host.toLowerCase();
  const port = protocol === "https:" ? ":443" : ":80";
  return h.endsWith(port) ? h.slice(0, -port.length) : h;
}

/** Remote address of the connection (set by @hono/node-server as `env.incoming`). */
function remoteAddress(c: Context): string | undefined {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress;
}

/**
 * Local mode (the laptop default): the person at the machine owns everything, so a request is
 * accepted only from a loopback address with a loopback Host header (which also defeats DNS
 * rebinding) and, for browsers, an Origin equal to the server's own (scheme, host and port), which
 * defeats requests from web pages of other sites and of other local ports.
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
  if (origin !== undefined && !isOwnOrigin(origin, host ?? ""))
    throw new WaylineError("forbidden", `cross-origin requests are not allowed (Origin "${origin}")`);
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

/** The few writes the permission table grants viewers (marking their own inbox read). */
function viewerMayWrite(method: string, path: string): boolean {
  const action = ruleFor(method, path)?.action;
  return action !== undefined && PERMISSIONS[action] === "viewer";
}

/** Middleware: every request is authenticated; viewers may only read. */
export function requireIdentity(
  auth: Authenticator,
  failuresPerMinute: number = authFailuresFromEnv(),
): MiddlewareHandler<{ Variables: { identity: Identity } }> {
  // Guessing tokens or passwords: each failed authentication costs the address one token; an
  // address out of tokens is answered 429 without checking anything (also with a valid token).
  const failures = new Buckets(failuresPerMinute);
  return async (c, next) => {
    const addr = remoteAddress(c) ?? "unknown";
    const wait = failuresPerMinute > 0 ? failures.emptyFor(addr) : null;
    if (wait !== null) throw rateLimited(c, wait, "too many failed authentications from this address");
    let who: Identity;
    try {
      who = await auth(c);
    } catch (e) {
      if (failuresPerMinute > 0 && e instanceof WaylineError && e.code === "unauthorized")
        failures.take(addr);
      throw e;
    }
    if (who.role === "viewer" && WRITES.has(c.req.method) && !viewerMayWrite(c.req.method, c.req.path))
      throw new WaylineError("forbidden", "viewers cannot change anything");
    c.set("identity", who);
    await next();
  };
}
