import { CONNECTOR_MAPPING } from "../../../analytics/import/connect.ts";
import { toEvent } from "../../../analytics/import/normalise.ts";
import { TimestampReader } from "../../../analytics/import/timestamps/reader.ts";
import type { LogEvent } from "../../../analytics/model.ts";
import { segment } from "../../../domain/connectors/analytics.ts";
import { ACTIVITY, CASE, TIMESTAMP } from "../../../domain/connectors/connector.ts";
import { COLLECTOR_LIMITS } from "./limits.ts";

/** A Segment call type the collector answers (`/v1/<type>`, or `type` inside a batch). */
export type CallType = "track" | "page" | "screen";

/** Calls Segment defines that describe people rather than journey steps: accepted, not logged. */
const IGNORED_TYPES = new Set(["identify", "group", "alias"]);

/** One bad event: where it is (`batch[3].timestamp`) and why. */
export interface MessageError {
  path: string;
  reason: string;
}

/** One message read: an event to append (with its `messageId`), ignored, or an error. */
export type MessageReading =
  | { event: LogEvent; messageId: string | undefined }
  | { ignored: true }
  | { error: MessageError };

/** Segment's field named in an error about one of the connector's standard columns. */
function fieldOf(column: string | undefined, type: string): string {
  if (column === CASE) return "userId";
  if (column === ACTIVITY) return type === "track" ? "event" : "name";
  if (column === TIMESTAMP) return "timestamp";
  return column ?? "";
}

const located = (at: string, field: string, reason: string): { error: MessageError } => ({
  error: { path: field ? `${at}.${field}` : at, reason },
});

/**
 * Reads one Segment tracking-spec message (`track`, `page`, `screen`) into an event through the
 * Segment connector (the same mapping as a Segment export file) and the importer's row rules.
 * `at` locates it in the request ("body", "batch[3]"); `receivedAt` is the server's receipt time,
 * the event time when the message has no `timestamp` (as Segment does).
 */
export function readMessage(
  message: unknown,
  at: string,
  opts: { type?: CallType; receivedAt: string; clock?: TimestampReader },
): MessageReading {
  if (!message || typeof message !== "object" || Array.isArray(message))
    return located(at, "", "is not a JSON object");
  const m = message as Record<string, unknown>;
  const bytes = Buffer.byteLength(JSON.stringify(m), "utf8");
  if (bytes > COLLECTOR_LIMITS.eventBytes)
    return located(
      at,
      "",
      `is ${bytes} bytes, over the ${COLLECTOR_LIMITS.eventBytes / 1024} KB limit of one event`,
    );
  const type = opts.type ?? (typeof m.type === "string" ? m.type.toLowerCase() : "");
  if (IGNORED_TYPES.has(type)) return { ignored: true };
  if (type !== "track" && type !== "page" && type !== "screen")
    return located(
      at,
      "type",
      `"${String(m.type ?? "")}" is not a call type (track, page, screen; identify, group and alias are accepted and not logged)`,
    );
  let messageId: string | undefined;
  if (m.messageId !== undefined) {
    if (
      typeof m.messageId !== "string" ||
      m.messageId === "" ||
      m.messageId.length > COLLECTOR_LIMITS.messageIdChars
    )
      return located(
        at,
        "messageId",
        `must be a non-empty string of at most ${COLLECTOR_LIMITS.messageIdChars} characters`,
      );
    messageId = m.messageId;
  }
  if (m.userId === undefined && m.anonymousId === undefined)
    return located(at, "userId", "give userId or anonymousId");
  const rows = segment.read({ ...m, type, receivedAt: opts.receivedAt });
  if ("error" in rows) return located(at, "", rows.error);
  const row = rows[0];
  if (!row) return { ignored: true };
  const read = toEvent({ line: 0, values: row }, CONNECTOR_MAPPING, 0, opts.clock ?? new TimestampReader());
  if ("reason" in read) return located(at, fieldOf(read.column, type), read.reason);
  return { event: read, messageId };
}
