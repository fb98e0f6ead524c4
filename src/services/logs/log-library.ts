import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import type { AnalyticsEngine, LogStats } from "../../analytics/engine.ts";
import type { ImportOptionsInput, ImportReport, LogEvent } from "../../analytics/model.ts";
import { openEngine } from "../../analytics/registry.ts";
import { newId, WaylineError } from "../../domain/index.ts";
import type { EventLogRecord } from "../../storage/event-logs.ts";
import type { UnitOfWork } from "../../storage/store.ts";
import { importingFile, newUploadDir, sweepLeftovers } from "./leftovers.ts";

/** Where a log's events live. */
export type LogEngine = "duckdb" | "clickhouse";

/** An imported event log as listed in the workspace. */
export interface EventLogInfo {
  id: string;
  name: string;
  fileName: string;
  /** duckdb (a file under data/logs) or clickhouse (tables on CLICKHOUSE_URL). */
  engine: LogEngine;
  stats: LogStats;
  report: ImportReport;
  createdAt: string;
}

/** Where the library keeps logs. */
export interface LogLibraryOptions {
  /** Folder of the per-log DuckDB files. */
  dir: string;
  /** ClickHouse server for new logs (CLICKHOUSE_URL); DuckDB files when absent. */
  clickhouseUrl?: string | undefined;
  /** Folder of temporary files (uploads); default `tmp` next to `dir`, i.e. `<dataDir>/tmp`. */
  tmpDir?: string;
}

/** Invalid rows kept in the registry per log (the import itself reports up to its error limit). */
const KEPT_ROW_ERRORS = 100;

/** A registry record as the library describes it (the JSON documents are the library's own). */
const toInfo = (r: EventLogRecord): EventLogInfo => ({
  ...r,
  engine: r.engine as LogEngine,
  stats: r.stats as LogStats,
  report: r.report as ImportReport,
});

/** Where a workspace log is stored: its DuckDB file, and the name of its ClickHouse tables. */
export const storedLog = (dir: string, id: string) => ({
  name: `wl_log_${id.replace(/-/g, "_")}`,
  file: join(dir, `${id}.duckdb`),
});

const displayName = (file: string) =>
  file.replace(/\.(csv|tsv|json|ndjson|jsonl|xes|xes\.gz|parquet|gz)$/i, "");

/**
 * The workspace's imported event logs. Each log lives in its own DuckDB file under `dir` (the
 * embedded default) or, when CLICKHOUSE_URL is set, in its own ClickHouse tables `wl_log_<id>_*`;
 * the SQL store lists them with their statistics. Questions on one log are serialised.
 */
export class LogLibrary {
  private readonly open = new Map<string, Promise<AnalyticsEngine>>();
  private readonly queue = new Map<string, Promise<unknown>>();

  /** Imports under way: their temporary file, and whether shutdown discarded them. */
  private readonly running = new Map<string, { done: Promise<unknown>; tmp: string; discarded: boolean }>();
  private draining = false;

  /** Told after each successful import: rows kept and seconds taken (metrics). */
  onImported: ((rows: number, seconds: number) => void) | undefined;
  /** Told after each failed import (metrics). */
  onImportFailed: (() => void) | undefined;

  /** Where uploads are received: under the data folder, so the system temp never fills up. */
  readonly tempDir: string;

  /** Opening the library removes what crashed imports and uploads left behind (`leftovers.ts`). */
  constructor(
    private readonly store: UnitOfWork,
    private readonly opts: LogLibraryOptions,
    private readonly clock: () => string = () => new Date().toISOString(),
  ) {
    this.tempDir = opts.tmpDir ?? join(dirname(opts.dir), "tmp");
    sweepLeftovers(opts.dir, this.tempDir);
  }

  /** A new folder for one upload (the caller removes it). */
  newTempDir(): string {
    return newUploadDir(this.tempDir);
  }

  private pathOf(id: string): string {
    return storedLog(this.opts.dir, id).file;
  }

  private connect(id: string, engine: LogEngine, file = this.pathOf(id)): Promise<AnalyticsEngine> {
    const stored = { name: storedLog(this.opts.dir, id).name, file };
    return openEngine(engine, { url: this.opts.clickhouseUrl, stored });
  }

  /**
   * Imports a log file. Nothing is kept unless the whole import succeeds: DuckDB loads into a
   * temporary file renamed into place at the end; ClickHouse tables are dropped on failure.
   */
  async import(
    ws: string,
    file: string,
    opts: { name?: string; fileName?: string; options?: ImportOptionsInput } = {},
  ): Promise<EventLogInfo> {
    if (this.draining)
      throw new WaylineError("unavailable", "the server is shutting down; import again shortly");
    const id = newId();
    const started = performance.now();
    const entry = {
      done: Promise.resolve() as Promise<unknown>,
      tmp: importingFile(this.opts.dir, id),
      discarded: false,
    };
    const work = this.importAs(ws, id, file, opts, entry);
    entry.done = work.catch(() => {});
    this.running.set(id, entry);
    try {
      const info = await work;
      this.onImported?.(info.report.events, (performance.now() - started) / 1000);
      return info;
    } catch (e) {
      this.onImportFailed?.();
      throw e;
    } finally {
      this.running.delete(id);
    }
  }

  private async importAs(
    ws: string,
    id: string,
    file: string,
    opts: { name?: string; fileName?: string; options?: ImportOptionsInput },
    entry: { discarded: boolean },
  ): Promise<EventLogInfo> {
    const kind: LogEngine = this.opts.clickhouseUrl ? "clickhouse" : "duckdb";
    mkdirSync(this.opts.dir, { recursive: true });
    const tmp = importingFile(this.opts.dir, id);
    const fileName = opts.fileName ?? basename(file);
    let engine: AnalyticsEngine | null = await this.connect(id, kind, tmp);
    try {
      const report = await engine.load({
        file,
        name: fileName,
        ...(opts.options ? { options: opts.options } : {}),
      });
      if (report.events === 0)
        throw new WaylineError("invalid_request", `${fileName}: no valid events were found`, { report });
      // DuckDB: build the per-case tables and keep the DFG now, in the file, so every question on
      // the log is a small query (duckdb/layout.ts); ClickHouse builds its traces in load.
      if (kind === "duckdb") await engine.dfg();
      const stats = await engine.stats();
      await engine.close();
      engine = null;
      if (entry.discarded)
        throw new WaylineError("unavailable", "the server shut down during the import; import again");
      if (kind === "duckdb") renameSync(tmp, this.pathOf(id));
      const info: EventLogInfo = {
        id,
        name: opts.name ?? displayName(fileName),
        fileName,
        engine: kind,
        stats,
        report: { ...report, errors: report.errors.slice(0, KEPT_ROW_ERRORS) },
        createdAt: this.clock(),
      };
      await this.store.eventLogs.insert(ws, info);
      return info;
    } catch (e) {
      await this.discard(id, kind, engine, tmp);
      throw e;
    }
  }

  private async discard(
    id: string,
    kind: LogEngine,
    engine: AnalyticsEngine | null,
    tmp: string,
  ): Promise<void> {
    if (engine && kind === "clickhouse") await engine.drop().catch(() => {});
    else if (kind === "clickhouse")
      await this.connect(id, kind)
        .then(async (e) => {
          await e.drop();
          await e.close();
        })
        .catch(() => {});
    if (engine) await engine.close().catch(() => {});
    for (const f of [tmp, `${tmp}.wal`, this.pathOf(id)]) rmSync(f, { force: true });
  }

  /** Logs of the workspace, newest first. */
  async list(ws: string): Promise<EventLogInfo[]> {
    return (await this.store.eventLogs.list(ws)).map(toInfo);
  }

  /** One log; `not_found` when absent. */
  async get(ws: string, id: string): Promise<EventLogInfo> {
    const record = await this.store.eventLogs.get(ws, id);
    const found = record && toInfo(record);
    if (!found || (found.engine === "duckdb" && !existsSync(this.pathOf(id))))
      throw new WaylineError("not_found", `no event log with id "${id}"`);
    return found;
  }

  /** Runs a question on a log's engine (one at a time per log). */
  async query<T>(ws: string, id: string, ask: (engine: AnalyticsEngine) => Promise<T>): Promise<T> {
    const info = await this.get(ws, id);
    const previous = this.queue.get(id) ?? Promise.resolve();
    const next = previous.catch(() => {}).then(async () => ask(await this.engine(id, info.engine)));
    this.queue.set(id, next);
    return next;
  }

  /**
   * Appends events to a log (live events, `log import --append`), in turn with the questions on
   * it, and refreshes the statistics the registry lists. Returns the log's new statistics.
   */
  async append(ws: string, id: string, events: AsyncIterable<LogEvent> | LogEvent[]): Promise<LogStats> {
    const stats = await this.query(ws, id, async (e) => {
      await e.append(events);
      return e.stats();
    });
    await this.store.eventLogs.updateStats(ws, id, stats);
    return stats;
  }

  private engine(id: string, kind: LogEngine): Promise<AnalyticsEngine> {
    let e = this.open.get(id);
    if (!e) {
      e = this.connect(id, kind);
      this.open.set(id, e);
    }
    return e;
  }

  /** Deletes a log and its events. */
  async delete(ws: string, id: string): Promise<void> {
    const info = await this.get(ws, id);
    const open = this.open.get(id);
    this.open.delete(id);
    if (open) await (await open).close();
    if (info.engine === "clickhouse") await this.discard(id, "clickhouse", null, "");
    await this.store.eventLogs.delete(ws, id);
    for (const f of [this.pathOf(id), `${this.pathOf(id)}.wal`]) rmSync(f, { force: true });
  }

  /**
   * Shutdown: refuses new imports, waits up to `ms` for running ones to finish, and discards the
   * rest (their temporary files are removed and they will never be listed). Returns how many
   * finished and how many were discarded.
   */
  async drain(ms: number): Promise<{ finished: number; discarded: number }> {
    this.draining = true;
    const all = [...this.running.values()];
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.all(all.map((r) => r.done)),
      new Promise((resolve) => {
        timer = setTimeout(resolve, ms);
      }),
    ]);
    clearTimeout(timer);
    const left = [...this.running.values()];
    for (const r of left) {
      r.discarded = true;
      for (const f of [r.tmp, `${r.tmp}.wal`]) rmSync(f, { force: true });
    }
    return { finished: all.length - left.length, discarded: left.length };
  }

  /** Closes every open log. */
  async close(): Promise<void> {
    const engines = [...this.open.values()];
    this.open.clear();
    for (const e of engines) await (await e).close().catch(() => {});
  }
}
