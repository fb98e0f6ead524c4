import type { Command } from "commander";
import { DEFAULT_WORKSPACE_ID as WS } from "../../storage/workspaces.ts";
import { printJson } from "../io.ts";
import { openCliServices, withStoreOptions } from "../store-options.ts";
import { withProgress } from "./log-progress.ts";
import { addReadOptions, describeReading, readOptions } from "./log-read-options.ts";

/** `wayline log import FILE [--name NAME]`: imports an event log into the workspace. */
export function registerLogImport(log: Command): void {
  addReadOptions(
    withStoreOptions(log.command("import"))
      .description("import an event log into the workspace (listed in the Data tab with its statistics)")
      .argument("<file>", "event log: .csv .tsv .json .ndjson .xes .xes.gz .parquet")
      .option("--name <name>", "name shown in the workspace (default: the file name)"),
  )
    .option("--json", "print the imported log as JSON")
    .action(
      async (
        file: string,
        o: {
          name?: string;
          data?: string;
          json?: boolean;
        },
      ) => {
        const opened = await openCliServices(o);
        const library = opened.services.logs;
        try {
          const options = readOptions(o);
          const info = await withProgress(file, () =>
            library.import(WS, file, { ...(o.name ? { name: o.name } : {}), options }),
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
