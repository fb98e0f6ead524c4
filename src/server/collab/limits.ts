import { MAX_CARD_TEXT } from "../../domain/index.ts";

/**
 * Limits the collaboration server enforces on every message from a client (docs/guide/collaboration.md).
 * A message over a limit is rejected: nothing of it is applied and that client is resynced.
 */
export const COLLAB_LIMITS = {
  /** Largest websocket message (one Yjs update, a first sync of offline work, an awareness state). */
  maxMessageBytes: 4 * 1024 * 1024,
  /** Largest card text after the update (the map schema's own limit). */
  maxCardText: MAX_CARD_TEXT,
  /** Most cards a map may hold, counting cards orphaned by concurrent deletes. */
  maxCardsPerMap: 5000,
} as const;

/** Limits as configured (tests lower them). */
export type CollabLimits = { readonly [K in keyof typeof COLLAB_LIMITS]: number };

/** Close code and reason prefix sent to a client whose update was rejected. */
export const REJECTED_CLOSE = { code: 4422, reason: "update_rejected" } as const;

/** Close code sent to a connection that is not allowed to open the map. */
export const FORBIDDEN_CLOSE = { code: 4403, reason: "forbidden" } as const;
