import type { Kysely } from "kysely";
import type { Database, EventLogRow } from "./schema.ts";

/**
 * An imported event log as the registry keeps it. Its events live elsewhere (a DuckDB file or
 * ClickHouse tables, named by `engine`); `stats` and `report` are the JSON documents the
 * analytics layer produced, opaque to storage.
 */
export interface EventLogRecord {
  id: string;
  name: string;
  fileName: string;
  /** Where the events live: "duckdb" or "clickhouse". */
  engine: string;
  /** Log statistics (events, cases, activities …) as produced by the engine. */
  stats: unknown;
  /** The import report (invalid rows capped by the caller). */
  report: unknown;
  createdAt: string;
}

function toRecord(r: EventLogRow): EventLogRecord {
  return {
    id: r.id,
    name: r.name,
    fileName: r.file_name,
    engine: r.engine ?? "duckdb",
    stats: JSON.parse(r.stats),
    report: JSON.parse(r.report),
    createdAt: r.created_at,
  };
}

/** The workspace's registry of imported event logs. */
export class EventLogRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Registers an imported log. */
  async insert(workspaceId: string, log: EventLogRecord): Promise<void> {
    await this.db
      .insertInto("event_logs")
      .values({
        id: log.id,
        workspace_id: workspaceId,
        name: log.name,
        file_name: log.fileName,
        engine: log.engine,
        stats: JSON.stringify(log.stats),
        report: JSON.stringify(log.report),
        created_at: log.createdAt,
      })
      .execute();
  }

  /** Logs of the workspace, newest first. */
  async list(workspaceId: string): Promise<EventLogRecord[]> {
    const rows = await this.db
      .selectFrom("event_logs")
      .selectAll()
      .where("workspace_id", "=", workspaceId)
      .orderBy("created_at", "desc")
      .orderBy("id")
      .execute();
    return rows.map(toRecord);
  }

  /** One log of the workspace, or null. */
  async get(workspaceId: string, id: string): Promise<EventLogRecord | null> {
    const row = await this.db
      .selectFrom("event_logs")
      .selectAll()
      .where("workspace_id", "=", workspaceId)
      .where("id", "=", id)
      .executeTakeFirst();
    return row ? toRecord(row) : null;
  }

  /** Replaces a log's statistics (after events were appended). */
  async updateStats(workspaceId: string, id: string, stats: unknown): Promise<void> {
    await this.db
      .updateTable("event_logs")
      .set({ stats: JSON.stringify(stats) })
      .where("workspace_id", "=", workspaceId)
      .where("id", "=", id)
      .execute();
  }

  /** Removes a log from the registry; true when it was there. */
  async delete(workspaceId: string, id: string): Promise<boolean> {
    const r = await this.db
      .deleteFrom("event_logs")
      .where("workspace_id", "=", workspaceId)
      .where("id", "=", id)
      .executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }
}
