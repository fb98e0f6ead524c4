import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";
import { WaylineError } from "../../domain/index.ts";

/**
 * Addresses a webhook may not reach unless `WAYLINE_WEBHOOK_ALLOW_PRIVATE=1`: loopback, private,
 * link-local (cloud metadata at 169.254.169.254), carrier-grade NAT, unique-local, multicast,
 * reserved and unspecified ranges (docs/decisions.md, "Webhooks refuse private addresses").
 */
const BLOCKED = new BlockList();
for (const [net, bits] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  BLOCKED.addSubnet(net, bits, "ipv4");
for (const [net, bits] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
  ["64:ff9b::", 96],
] as const)
  BLOCKED.addSubnet(net, bits, "ipv6");

/** True for an address in a blocked range (IPv4-mapped IPv6 is judged by its IPv4 part). */
export function isPrivateAddress(ip: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped?.[1]) return BLOCKED.check(mapped[1], "ipv4");
  const v = isIP(ip);
  if (v === 0) return true;
  return BLOCKED.check(ip, v === 4 ? "ipv4" : "ipv6");
}

/** Whether private addresses are allowed (`WAYLINE_WEBHOOK_ALLOW_PRIVATE=1`; tests and intranets). */
export function allowPrivateFromEnv(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.WAYLINE_WEBHOOK_ALLOW_PRIVATE === "1";
}

/** Longest webhook URL (characters). */
export const MAX_WEBHOOK_URL = 2000;

/**
 * Checks a webhook URL when it is saved: http or https, no user name or password, and no
 * literal blocked address. Names are resolved and checked again at every delivery.
 */
export function checkWebhookUrl(raw: string, allowPrivate: boolean, path = "url"): URL {
  const fail = (message: string) =>
    new WaylineError("invalid_request", `${path}: ${message}`, { problems: [{ path, message }] });
  if (raw.length > MAX_WEBHOOK_URL) throw fail(`longer than ${MAX_WEBHOOK_URL} characters`);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw fail("not a URL");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw fail("must start with http:// or https://");
  if (url.username || url.password) throw fail("must not contain a user name or password");
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (!allowPrivate && isIP(host) !== 0 && isPrivateAddress(host))
    throw fail(`${host} is a private or loopback address (set WAYLINE_WEBHOOK_ALLOW_PRIVATE=1 to allow)`);
  return url;
}

/**
 * The address a delivery connects to: the host resolved once, every answer checked (a name that
 * resolves to a private address is refused), and the connection pinned to the checked address
 * so a second lookup cannot swap it (DNS rebinding).
 */
export async function resolveTarget(
  url: URL,
  allowPrivate: boolean,
): Promise<{ address: string; family: 4 | 6 }> {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const answers =
    isIP(host) !== 0 ? [{ address: host, family: isIP(host) }] : await lookup(host, { all: true });
  if (answers.length === 0) throw new Error(`${host} does not resolve`);
  if (!allowPrivate) {
    const bad = answers.find((a) => isPrivateAddress(a.address));
    if (bad) throw new RefusedAddress(`${host} resolves to ${bad.address}, a private or loopback address`);
  }
  const first = answers[0] as { address: string; family: number };
  return { address: first.address, family: first.family === 6 ? 6 : 4 };
}

/** A delivery refused before connecting (not retried: the address will not change by waiting). */
export class RefusedAddress extends Error {
  override readonly name = "RefusedAddress";
}
