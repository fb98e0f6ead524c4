import { createHash, randomBytes } from "node:crypto";

/** Characters of a key shown in listings ("wk_AbCd1234…"): the prefix and 8 random characters. */
const SHOWN = 11;

/** A new write key: `wk_` and 32 random bytes in base64url (shown once, stored as its hash). */
export function newWriteKey(): { key: string; prefix: string; hash: string } {
  const key = `wk_${randomBytes(32).toString("base64url")}`;
  return { key, prefix: key.slice(0, SHOWN), hash: hashWriteKey(key) };
}

/** The stored form of a key: SHA-256, hex (keys are random, so no salt or slow hash is needed). */
export function hashWriteKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

/**
 * The write key of a Segment-style `Authorization: Basic base64(key:)` header (the key is the
 * user name, the password is empty or ignored), or null when the header is missing or malformed.
 */
export function writeKeyOf(header: string | undefined): string | null {
  const m = /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(header ?? "");
  if (!m) return null;
  const decoded = Buffer.from(m[1] as string, "base64").toString("utf8");
  const user = decoded.includes(":") ? decoded.slice(0, decoded.indexOf(":")) : decoded;
  return user === "" ? null : user;
}
