import type { LogStats } from "../../../analytics/engine.ts";
import { readEventLog } from "../../../analytics/import/read-log.ts";
import type { ImportOptionsInput, ImportReport, LogEvent } from "../../../analytics/model.ts";
import { WaylineError } from "../../../domain/index.ts";
import type { CollectorKeyInfo } from "../../../storage/collector-keys.ts";
import type { UnitOfWork } from "../../../storage/store.ts";
import type { LogLibrary } from "../log-library.ts";
import { AppendBuffer, type Pending } from "./append-buffer.ts";
import { MessageLedger } from "./dedup.ts";
import { COLLECTOR_LIMITS } from "./limits.ts";
import { type CallType, type MessageError, readMessage } from "./segment-message.ts";
import { hashWriteKey, newWriteKey } from "./write-key.ts";

/** What one collector call did: events taken for appending, duplicates dropped, calls ignored. */
export interface CollectResult {
  accepted: number;
  duplicates: number;
  ignored: number;
}

/** A key as the Data tab shows it (the key itself only in the answer that created it). */
export interface WriteKeyView {
  logId: string;
  prefix: string;
  createdAt: string;
  createdBy: string;
}

/** The error of a refused batch: every bad event counted, the first ones located. */
function badEvents(errors: MessageError[]): WaylineError {
  const listed = errors.slice(0, COLLECTOR_LIMITS.listedErrors);
  const first = listed[0] as MessageError;
  return new WaylineError(
    "invalid_request",
    `${first.path}: ${first.reason}${errors.length > 1 ? ` (and ${errors.length - 1} more bad events)` : ""}; nothing was appended`,
    { problems: listed, badEvents: errors.length },
  );
}

/** A call refused because the log's append buffer is full (the route adds Retry-After). */
function bufferFull(): WaylineError {
  return new WaylineError(
    "rate_limited",
    `the append buffer of this log is full (${COLLECTOR_LIMITS.bufferedEvents} events); retry in ${COLLECTOR_LIMITS.retryAfterSeconds} s`,
    { retryAfterSeconds: COLLECTOR_LIMITS.retryAfterSeconds },
  );
}

/** The items of `source` in arrays of at most `size`. */
async function* chunksOf<T>(source: AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  let chunk: T[] = [];
  for await (const item of source) {
    chunk.push(item);
    if (chunk.length >= size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

/**
 * The live-events collector (Segment HTTP API): write keys per workspace log, de-duplication by
 * `messageId`, and batched appends through the log library. Limits: limits.ts.
 */
export class CollectorService {
  private readonly buffers = new Map<string, AppendBuffer>();
  private readonly ledger: MessageLedger;

  constructor(
    private readonly store: UnitOfWork,
    private readonly logs: LogLibrary,
    private readonly clock: () => string = () => new Date().toISOString(),
  ) {
    this.ledger = new MessageLedger(
      () => this.store.collectorMessages,
      () => Date.parse(this.clock()),
    );
  }

  /** Creates (or rotates: the old key stops working at once) a log's write key; the key is returned once. */
  async createKey(ws: string, logId: string, by: string): Promise<WriteKeyView & { key: string }> {
    await this.logs.get(ws, logId);
    const { key, prefix, hash } = newWriteKey();
    const createdAt = this.clock();
    await this.store.collectorKeys.set({
      log_id: logId,
      workspace_id: ws,
      key_hash: hash,
      key_prefix: prefix,
      created_at: createdAt,
      created_by: by,
    });
    return { logId, prefix, createdAt, createdBy: by, key };
  }

  /** The log's key without the key (null when it has none). */
  async keyOf(ws: string, logId: string): Promise<WriteKeyView | null> {
    await this.logs.get(ws, logId);
    const k = await this.store.collectorKeys.get(ws, logId);
    return k && { logId: k.logId, prefix: k.prefix, createdAt: k.createdAt, createdBy: k.createdBy };
  }

  /** Revokes the log's key; `not_found` when it has none. */
  async revokeKey(ws: string, logId: string): Promise<void> {
    await this.logs.get(ws, logId);
    if (!(await this.store.collectorKeys.delete(ws, logId)))
      throw new WaylineError("not_found", `event log "${logId}" has no write key`);
  }

  /** The log a write key writes to; `unauthorized` for an unknown, rotated or revoked key. */
  async authenticate(key: string | null): Promise<CollectorKeyInfo> {
    const found = key ? await this.store.collectorKeys.byHash(hashWriteKey(key)) : null;
    if (!found)
      throw new WaylineError(
        "unauthorized",
        "unknown write key: give a log's write key as the Basic-auth user name",
      );
    return found;
  }

  /**
   * Takes the messages of one call for appending to the key's log. Every message is checked
   * first: one bad message refuses the whole call (nothing appended, `invalid_request` with the
   * located problems). A full buffer refuses it with `rate_limited` (the route adds Retry-After).
   */
  async collect(
    key: CollectorKeyInfo,
    messages: unknown[],
    type?: CallType,
    where = "batch",
  ): Promise<CollectResult> {
    const log = await this.logs.get(key.workspaceId, key.logId);
    const receivedAt = this.clock();
    const errors: MessageError[] = [];
    const take: Pending[] = [];
    const inCall = new Set<string>();
    let duplicates = 0;
    let ignored = 0;
    messages.forEach((m, i) => {
      const at = type ? "body" : `${where}[${i}]`;
      const r = readMessage(m, at, { ...(type ? { type } : {}), receivedAt });
      if ("error" in r) errors.push(r.error);
      else if ("ignored" in r) ignored++;
      else if (r.messageId !== undefined && inCall.has(r.messageId)) duplicates++;
      else {
        if (r.messageId !== undefined) inCall.add(r.messageId);
        take.push(r);
      }
    });
    if (errors.length > 0) throw badEvents(errors);
    if (take.length === 0) return { accepted: 0, duplicates, ignored };
    const buffer = this.bufferOf(key.workspaceId, log.id);
    if (!buffer.hasRoom(take.length)) throw bufferFull();
    // The ledger decides across processes and restarts: an id taken before is a duplicate.
    const fresh = await this.ledger.claim(log.id, [...inCall]);
    const kept = take.filter((p) => p.messageId === undefined || fresh.has(p.messageId));
    if (kept.length > 0 && !buffer.accept(kept)) {
      await this.ledger.release(log.id, [...fresh]);
      throw bufferFull();
    }
    return { accepted: kept.length, duplicates: duplicates + take.length - kept.length, ignored };
  }

  /**
   * `wayline log import FILE --append LOG`: appends a file to a log through the same importer
   * (read options as for an import; without column options, the columns the log was imported
   * with). Events whose `messageId` attribute this log took within the window (by any process,
   * the ledger's rules), or that repeat one in the file, are duplicates and not appended. When
   * the append fails, the ids it took are given back.
   */
  async appendFile(
    ws: string,
    logId: string,
    file: string,
    opts: { fileName?: string; options?: ImportOptionsInput } = {},
  ): Promise<{ report: ImportReport; appended: number; duplicates: number; stats: LogStats }> {
    const log = await this.logs.get(ws, logId);
    const o = opts.options ?? {};
    const given = o.case !== undefined || o.activity !== undefined || o.timestamp !== undefined;
    const m = log.report.mapping;
    const options =
      given || !m || log.report.connector
        ? o
        : { ...o, case: m.case, activity: m.activity, timestamp: m.timestamp };
    const stream = await readEventLog(file, options, { shown: opts.fileName ?? file });
    const counts = { appended: 0, duplicates: 0 };
    const taken: string[] = [];
    const ledger = this.ledger;
    async function* fresh(): AsyncGenerator<LogEvent> {
      for await (const chunk of chunksOf(stream.events, COLLECTOR_LIMITS.flushEvents)) {
        const ids = [
          ...new Set(chunk.flatMap((e) => (e.attrs.messageId === undefined ? [] : [e.attrs.messageId]))),
        ];
        const got = await ledger.claim(log.id, ids);
        taken.push(...got);
        for (const e of chunk) {
          const id = e.attrs.messageId;
          if (id !== undefined && !got.delete(id)) {
            counts.duplicates++;
            continue;
          }
          counts.appended++;
          yield e;
        }
      }
    }
    await this.flush();
    try {
      const stats = await this.logs.append(ws, log.id, fresh());
      return { report: stream.report, ...counts, stats };
    } catch (e) {
      await this.ledger.release(log.id, taken);
      throw e;
    }
  }

  /** Appends everything buffered (shutdown, tests). */
  async flush(): Promise<void> {
    await Promise.all([...this.buffers.values()].map((b) => b.flush()));
  }

  /** Events of a log accepted and not yet appended. */
  buffered(logId: string): number {
    return this.buffers.get(logId)?.size ?? 0;
  }

  private bufferOf(ws: string, logId: string): AppendBuffer {
    let b = this.buffers.get(logId);
    if (!b) {
      b = new AppendBuffer(async (events) => {
        await this.logs.append(ws, logId, events);
      });
      // Not appended: a retry of these messages must not count as a duplicate.
      b.onFailed = async (batch) => {
        const ids = batch.flatMap((p) => (p.messageId === undefined ? [] : [p.messageId]));
        // When the database is down too, the ids stay taken: a retry then counts as a duplicate.
        await this.ledger.release(logId, ids).catch(() => {});
      };
      this.buffers.set(logId, b);
    }
    return b;
  }
}
