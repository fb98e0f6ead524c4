import { GUEST_HEADER, SHARE_GRANT_HEADER, SHARE_HEADER } from "../../contract/share.ts";
import type { Store } from "../../storage/store.ts";
import type { Authenticator } from "../auth.ts";
import { openShareCredential, shareIdentity } from "./share-credential.ts";

/**
 * Requests carrying `X-Wayline-Share` are a share link's holder (a guest without an account);
 * every other request goes to the server's own authenticator. The guest's identity is the link's
 * role on its one map; `authorize()` and `can()` keep it there.
 */
export function withShareLinks(
  store: Store,
  inner: Authenticator,
  now: () => Date = () => new Date(),
): Authenticator {
  return async (c) => {
    const token = c.req.header(SHARE_HEADER);
    if (token === undefined) return inner(c);
    const link = await openShareCredential(store, token, c.req.header(SHARE_GRANT_HEADER), now());
    return shareIdentity(link, c.req.header(GUEST_HEADER));
  };
}
