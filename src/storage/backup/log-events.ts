import type { BackupEvent } from "./format.ts";

/**
 * Where the events of logs held outside the data folder (ClickHouse tables) come from during a
 * backup. The caller wires it (`services/logs/log-archive.ts`): storage opens no analytics engine.
 */
export interface LogEventsSource {
  /** The log's events, streamed; null when its tables are gone (the log was deleted meanwhile). */
  read(logId: string, engine: string): Promise<AsyncIterable<BackupEvent> | null>;
}

/** Where a restore puts those events. */
export interface LogEventsTarget {
  /** The engine the restored logs live in from now on ("clickhouse" or "duckdb"); written into their rows. */
  readonly engine: string;
  /** Loads one log's events; refuses when the target already holds that log. */
  load(logId: string, events: AsyncIterable<BackupEvent>): Promise<void>;
  /** Removes what `load` created (the restore failed). */
  discard(logId: string): Promise<void>;
}
