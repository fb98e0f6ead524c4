import type { Command } from "commander";
import { printJson } from "../io.ts";
import {
  openCliServices,
  resolveWorkspace,
  withStoreOptions,
  withWorkspaceOption,
} from "../store-options.ts";
import { withProgress } from "./log-progress.ts";
import { addReadOptions, describeReading, readOptions } from "./log-read-options.ts";

/** `wayline log import FILE [--name NAME]`: imports an event log into the workspace. */
export function registerLogImport(log: Command): void {
  addReadOptions(
    withWorkspaceOption(withStoreOptions(log.command("import")))
      .description("import an event log into the workspace (listed in the Data tab with its statistics)")
      .argument("<file>", "event log: .csv .tsv .json .ndjson .xes .xes.gz .parquet")
      .option("--name <name>", "name shown in the workspace (default: the file name)"),
  )
    .option("--append <log>", "append the file's events to this existing log (id) instead of a new log")
    .option("--json", "print the imported log as JSON")
    .action(
      async (
        file: string,
        o: {
          name?: string;
          append?: string;
          data?: string;
          workspace?: string;
          json?: boolean;
        },
      ) => {
        const opened = await openCliServices(o);
        const library = opened.services.logs;
        try {
          const options = readOptions(o);
          const ws = await resolveWorkspace(opened.store, o.workspace);
          if (o.append) {
            const r = await withProgress(file, () =>
              opened.services.collector.appendFile(ws, o.append as string, file, { options }),
            );
            if (o.json) return printJson(r);
            console.log(
              `appended ${r.appended} events to ${o.append} (${r.duplicates} duplicate(s) skipped): now ${r.stats.events} events, ${r.stats.cases} cases, ${r.stats.variants} variants`,
            );
            for (const line of describeReading(r.report)) console.error(line);
            if (r.report.errors.length) console.error(`${r.report.errors.length} invalid row(s) skipped`);
            return;
          }
          const info = await withProgress(file, () =>
            library.import(ws, file, { ...(o.name ? { name: o.name } : {}), options }),
          );
          if (o.json) return printJson(info);
          const s = info.stats;
          console.log(
            `imported ${info.id}  ${info.name}: ${s.events} events, ${s.cases} cases, ${s.activities} activities, ${s.variants} variants`,
          );
          for (const line of describeReading(info.report)) console.error(line);
          if (info.report.errors.length) console.error(`${info.report.errors.length} invalid row(s) skipped`);
        } finally {
          await opened.close();
        }
      },
    );
}
