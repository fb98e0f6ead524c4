import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { ClickHouseEngine } from "../../analytics/clickhouse/clickhouse-engine.ts";
import type { LogEvent } from "../../analytics/model.ts";
import { openEngine } from "../../analytics/registry.ts";
import { WaylineError } from "../../domain/index.ts";
import type { BackupEvent } from "../../storage/backup/format.ts";
import type { LogEventsSource, LogEventsTarget } from "../../storage/backup/log-events.ts";
import { storedLog } from "./log-library.ts";

/** Where workspace logs live: `<dataDir>/logs`, and the ClickHouse server when one is set. */
export interface LogPlace {
  dir: string;
  clickhouseUrl?: string | undefined;
}

const toBackup = (e: LogEvent): BackupEvent => [e.caseId, e.activity, e.timestamp, e.seq, e.attrs];

async function* fromBackup(events: AsyncIterable<BackupEvent>): AsyncGenerator<LogEvent> {
  for await (const [caseId, activity, timestamp, seq, attrs] of events)
    yield { caseId, activity, timestamp, seq, attrs };
}

/** Streams the events of ClickHouse-held logs into a backup (`writeBackup`). */
export function logEventsSource(place: LogPlace): LogEventsSource {
  return {
    async read(logId, engine) {
      if (engine !== "clickhouse") throw new Error(`log ${logId}: unknown event store "${engine}"`);
      if (!place.clickhouseUrl)
        throw new WaylineError(
          "invalid_request",
          `log ${logId} keeps its events in ClickHouse; set CLICKHOUSE_URL so the backup can copy them`,
        );
      const ch = await ClickHouseEngine.open(place.clickhouseUrl, {
        prefix: storedLog(place.dir, logId).name,
      });
      if (!(await ch.holdsLog())) {
        await ch.close();
        return null;
      }
      return (async function* () {
        try {
          for await (const e of ch.streamEvents()) yield toBackup(e);
        } finally {
          await ch.close();
        }
      })();
    },
  };
}

/**
 * Where a restore puts those events: the target's ClickHouse when CLICKHOUSE_URL is set (a log
 * whose tables already exist there is refused), else a DuckDB file per log under `<dataDir>/logs`
 * — a team backup restores onto a laptop.
 */
export function logEventsTarget(place: LogPlace): LogEventsTarget {
  const url = place.clickhouseUrl;
  // Only what this target created is discarded: never a log that was there before (refused).
  const created = new Set<string>();
  if (url)
    return {
      engine: "clickhouse",
      async load(logId, events) {
        const prefix = storedLog(place.dir, logId).name;
        const ch = await ClickHouseEngine.open(url, { prefix });
        try {
          if (await ch.holdsLog())
            throw new WaylineError(
              "invalid_request",
              `the ClickHouse at ${url} already holds log ${logId} (tables ${prefix}_*); restore into another ClickHouse database, e.g. CLICKHOUSE_URL=${url.replace(/\/+$/, "")}/wayline_restored`,
            );
          created.add(logId);
          await ch.load({ events: fromBackup(events) });
        } finally {
          await ch.close();
        }
      },
      async discard(logId) {
        if (!created.delete(logId)) return;
        const ch = await ClickHouseEngine.open(url, { prefix: storedLog(place.dir, logId).name });
        await ch.drop();
        await ch.close();
      },
    };
  return {
    engine: "duckdb",
    async load(logId, events) {
      const { file } = storedLog(place.dir, logId);
      if (existsSync(file)) throw new WaylineError("invalid_request", `${file} already exists`);
      mkdirSync(place.dir, { recursive: true });
      const tmp = `${file}.restoring`;
      created.add(logId);
      const engine = await openEngine("duckdb", {
        stored: { name: storedLog(place.dir, logId).name, file: tmp },
      });
      try {
        await engine.load({ events: fromBackup(events) });
      } finally {
        await engine.close();
      }
      if (existsSync(`${tmp}.wal`)) renameSync(`${tmp}.wal`, `${file}.wal`);
      renameSync(tmp, file);
    },
    async discard(logId) {
      if (!created.delete(logId)) return;
      const { file } = storedLog(place.dir, logId);
      for (const f of [file, `${file}.wal`, `${file}.restoring`, `${file}.restoring.wal`])
        rmSync(f, { force: true });
    },
  };
}
