import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { basename, join } from "node:path";
import { DuckDbEngine } from "../../analytics/duckdb/duckdb-engine.ts";
import type { LogStats } from "../../analytics/engine.ts";
import type { ImportOptionsInput, ImportReport } from "../../analytics/model.ts";
import { newId, WaylineError } from "../../domain/index.ts";
import type { Store } from "../../storage/store.ts";

/** An imported event log as listed in the workspace. */
export interface EventLogInfo {
  id: string;
  name: string;
  fileName: string;
  stats: LogStats;
  report: ImportReport;
  createdAt: string;
}

/** Invalid rows kept in the registry per log (the import itself reports up to its error limit). */
const KEPT_ROW_ERRORS = 100;

/**
 * The workspace's imported event logs. Each log is its own DuckDB file under `dir` (the engine
 * keeps one `events` table per database); the SQL store lists them with their statistics.
 * Queries on one log are serialised, since a DuckDB file is opened once per process.
 */
export class LogLibrary {
  private readonly open = new Map<string, Promise<DuckDbEngine>>();
  private readonly queue = new Map<string, Promise<unknown>>();

  constructor(
    private readonly store: Store,
    private readonly dir: string,
    private readonly clock: () => string = () => new Date().toISOString(),
  ) {}

  private pathOf(id: string): string {
    return join(this.dir, `${id}.duckdb`);
  }

  /**
   * Imports a log file. Nothing is kept unless the whole import succeeds: events go into a
   * temporary DuckDB file that is renamed into place only after the statistics are computed.
   */
  async import(
    ws: string,
    file: string,
    opts: { name?: string; fileName?: string; options?: ImportOptionsInput } = {},
  ): Promise<EventLogInfo> {
    mkdirSync(this.dir, { recursive: true });
    const id = newId();
    const tmp = join(this.dir, `${id}.importing.duckdb`);
    let engine: DuckDbEngine | null = await DuckDbEngine.open(tmp);
    try {
      const report = await engine.load({ file, ...(opts.options ? { options: opts.options } : {}) });
      if (report.events === 0)
        throw new WaylineError(
          "invalid_request",
          `${opts.fileName ?? basename(file)}: no valid events were found`,
          { report },
        );
      const stats = await engine.stats();
      await engine.close();
      engine = null;
      renameSync(tmp, this.pathOf(id));
      const info: EventLogInfo = {
        id,
        name:
          opts.name ??
          (opts.fileName ?? basename(file)).replace(
            /\.(csv|tsv|json|ndjson|jsonl|xes|xes\.gz|parquet|gz)$/i,
            "",
          ),
        fileName: opts.fileName ?? basename(file),
        stats,
        report: { ...report, errors: report.errors.slice(0, KEPT_ROW_ERRORS) },
        createdAt: this.clock(),
      };
      await this.store.db
        .insertInto("event_logs")
        .values({
          id,
          workspace_id: ws,
          name: info.name,
          file_name: info.fileName,
          stats: JSON.stringify(stats),
          report: JSON.stringify(info.report),
          created_at: info.createdAt,
        })
        .execute();
      return info;
    } catch (e) {
      if (engine) await engine.close().catch(() => {});
      for (const f of [tmp, `${tmp}.wal`, this.pathOf(id)]) rmSync(f, { force: true });
      throw e;
    }
  }

  /** Logs of the workspace, newest first. */
  async list(ws: string): Promise<EventLogInfo[]> {
    const rows = await this.store.db
      .selectFrom("event_logs")
      .selectAll()
      .where("workspace_id", "=", ws)
      .orderBy("created_at", "desc")
      .execute();
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      fileName: r.file_name,
      stats: JSON.parse(r.stats),
      report: JSON.parse(r.report),
      createdAt: r.created_at,
    }));
  }

  /** One log; `not_found` when absent. */
  async get(ws: string, id: string): Promise<EventLogInfo> {
    const found = (await this.list(ws)).find((l) => l.id === id);
    if (!found || !existsSync(this.pathOf(id)))
      throw new WaylineError("not_found", `no event log with id "${id}"`);
    return found;
  }

  /** Runs a question on a log's engine (one at a time per log). */
  async query<T>(ws: string, id: string, ask: (engine: DuckDbEngine) => Promise<T>): Promise<T> {
    await this.get(ws, id);
    const previous = this.queue.get(id) ?? Promise.resolve();
    const next = previous.catch(() => {}).then(async () => ask(await this.engine(id)));
    this.queue.set(id, next);
    return next;
  }

  private engine(id: string): Promise<DuckDbEngine> {
    let e = this.open.get(id);
    if (!e) {
      e = DuckDbEngine.open(this.pathOf(id));
      this.open.set(id, e);
    }
    return e;
  }

  /** Deletes a log and its DuckDB file. */
  async delete(ws: string, id: string): Promise<void> {
    await this.get(ws, id);
    const e = this.open.get(id);
    this.open.delete(id);
    if (e) await (await e).close();
    await this.store.db
      .deleteFrom("event_logs")
      .where("workspace_id", "=", ws)
      .where("id", "=", id)
      .execute();
    for (const f of [this.pathOf(id), `${this.pathOf(id)}.wal`]) rmSync(f, { force: true });
  }

  /** Closes every open log. */
  async close(): Promise<void> {
    const engines = [...this.open.values()];
    this.open.clear();
    for (const e of engines) await (await e).close().catch(() => {});
  }
}
