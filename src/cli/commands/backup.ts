import { join, resolve } from "node:path";
import type { Command } from "commander";
import { printJson } from "../io.ts";
import { openCliStore, withStoreOptions } from "../store-options.ts";

const dataDirOf = (o: { data?: string }) => o.data ?? process.env.WAYLINE_DATA_DIR ?? "./data";

/** Where the workspace logs live: `<data>/logs`, and CLICKHOUSE_URL when set. */
const logPlace = (o: { data?: string }) => ({
  dir: join(dataDirOf(o), "logs"),
  clickhouseUrl: process.env.CLICKHOUSE_URL || undefined,
});

/** `wayline backup -o FILE` and `wayline restore FILE`. */
export function registerBackup(program: Command): void {
  withStoreOptions(program.command("backup"))
    .description(
      "write a consistent online backup (database rows, event-log files, uploads); safe while serving",
    )
    .requiredOption(
      "-o, --output <file>",
      "backup file to create (refused if it exists), e.g. wayline-2026-12-01.wlbackup",
    )
    .option("--json", "print the summary as JSON")
    .action(async (o: { output: string; data?: string; json?: boolean }) => {
      const { writeBackup } = await import("../../storage/backup/backup.ts");
      const { logEventsSource } = await import("../../services/logs/log-archive.ts");
      const store = await openCliStore(o);
      try {
        const summary = await writeBackup(
          store,
          dataDirOf(o),
          resolve(o.output),
          logEventsSource(logPlace(o)),
        );
        if (o.json) return printJson(summary);
        const rows = Object.values(summary.rows).reduce((a, b) => a + b, 0);
        console.error(
          `wrote ${o.output}: ${summary.rows.journeys ?? 0} maps, ${rows} rows, ${summary.files} log files, ${summary.bytes} bytes (${summary.dialect})`,
        );
        if (summary.missing.length)
          console.error(`logs deleted while the backup ran (left out): ${summary.missing.join(", ")}`);
        const held = Object.values(summary.events);
        if (held.length)
          console.error(
            `copied from ClickHouse: ${held.reduce((a, b) => a + b, 0)} events of ${held.length} log(s)`,
          );
      } finally {
        await store.close();
      }
    });
  withStoreOptions(program.command("restore"))
    .description("restore a backup into an EMPTY data folder (and empty database when DATABASE_URL is set)")
    .argument("<file>", "a file written by `wayline backup`")
    .option("--json", "print the summary as JSON")
    .action(async (file: string, o: { data?: string; json?: boolean }) => {
      const { restoreBackup } = await import("../../storage/backup/restore.ts");
      const { logEventsTarget } = await import("../../services/logs/log-archive.ts");
      const summary = await restoreBackup(
        resolve(file),
        {
          dataDir: dataDirOf(o),
          database: { url: process.env.DATABASE_URL || undefined },
          logEvents: logEventsTarget(logPlace(o)),
        },
        file,
      );
      if (o.json) return printJson(summary);
      const held = Object.values(summary.events);
      console.error(
        `restored ${file} into ${dataDirOf(o)} (${summary.dialect}, from ${summary.from}): ${summary.rows.journeys ?? 0} maps, ${summary.files} log files${held.length ? `, ${held.reduce((a, b) => a + b, 0)} events of ${held.length} ClickHouse log(s) into ${summary.eventsEngine}` : ""}${summary.upgraded.length ? `; upgraded with ${summary.upgraded.join(", ")}` : ""}`,
      );
    });
}
