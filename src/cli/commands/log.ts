import { type Command, InvalidArgumentError } from "commander";
import { z } from "zod";
import type { AnalyticsEngine } from "../../analytics/engine.ts";
import { DEFAULT_ENGINE, ENGINE_NAMES, isEngineName, openEngine } from "../../analytics/registry.ts";
import { parseDuration } from "../../domain/duration.ts";
import { WaylineError } from "../../domain/errors.ts";
import { FUNNEL_MODES, type FunnelMode } from "../../domain/journey-data/index.ts";
import { printJson, printTable } from "../io.ts";
import { dfgRows, funnelRows, pathRows, statsRows, variantRows } from "./log-format.ts";
import { withProgress } from "./log-progress.ts";
import { addReadOptions, describeReading, ReadOptionsSchema, readOptions } from "./log-read-options.ts";

/** Options shared by every `log` subcommand. */
const CommonSchema = ReadOptionsSchema.extend({
  json: z.boolean().optional(),
  engine: z.enum(ENGINE_NAMES).default(DEFAULT_ENGINE),
});
type Common = z.output<typeof CommonSchema>;

/** Parses a positive integer option (usage error otherwise). */
function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("expected a positive integer");
  return n;
}

/** Parses a window like 30m, 12h, 14d, 2w or plain milliseconds (usage error otherwise). */
export function parseWindow(value: string): number {
  const ms = parseDuration(value, "ms");
  if (ms === null) throw new InvalidArgumentError("expected a duration such as 30m, 12h, 14d or 2w");
  return ms;
}

function engineOption(value: string): string {
  if (!isEngineName(value)) throw new InvalidArgumentError(`expected one of ${ENGINE_NAMES.join(", ")}`);
  return value;
}

/** Adds the log argument, `--json`, the reading options and `--engine`. */
export function addCommon(
  cmd: Command,
  argument = "<file>",
  what = "event log: .csv .tsv .json .ndjson .xes .xes.gz .parquet",
): Command {
  return addReadOptions(cmd.argument(argument, what).option("--json", "print JSON on stdout")).option(
    "--engine <name>",
    `engine: ${ENGINE_NAMES.join(" | ")}`,
    engineOption,
    DEFAULT_ENGINE,
  );
}

/** Loads the file into the chosen engine, runs `ask`, prints JSON or a table, closes the engine. */
async function runOnLog<T>(
  file: string,
  raw: unknown,
  ask: (e: AnalyticsEngine) => Promise<T>,
  rows: (r: T) => string[][],
  attributes = false,
): Promise<void> {
  const o: Common = CommonSchema.parse(raw);
  await withLogFile(
    file,
    raw,
    async (engine) => {
      const result = await ask(engine);
      if (o.json) printJson(result);
      else printTable(rows(result));
    },
    attributes,
  );
}

/**
 * Opens the engine of the options (`--engine`), loads the file with the reading options (what was
 * read and skipped on stderr), runs `use` and closes the engine. No valid event is an error.
 * `attributes: false` reads no event attributes (a sequence question: stats, variants, DFG, paths).
 */
export async function withLogFile<T>(
  file: string,
  raw: unknown,
  use: (e: AnalyticsEngine) => Promise<T>,
  attributes = true,
): Promise<T> {
  const o: Common = CommonSchema.parse(raw);
  // The registry loads an engine's modules (native DuckDB, ClickHouse client) only when it opens.
  const engine = await openEngine(o.engine);
  try {
    // One question per process: the attributes are read only when that question needs them.
    const report = await withProgress(file, () =>
      engine.load({ file, options: readOptions(raw), attributes }),
    );
    if (!o.json) for (const line of describeReading(report)) console.error(`${file}: ${line}`);
    for (const e of report.errors.slice(0, 10))
      console.error(`${file}: line ${e.line}${e.column ? `, column "${e.column}"` : ""}: ${e.reason}`);
    if (report.errors.length > 0) console.error(`${file}: ${report.errors.length} invalid row(s) skipped`);
    // Same rule as the API (400) and `log import`: a log with no valid event is an error, not "events: 0".
    if (report.events === 0)
      throw new WaylineError("invalid_request", `${file}: no valid events were found`, { report });
    return await use(engine);
  } finally {
    await engine.close();
  }
}

/** Registers `log stats|variants|dfg|paths|funnel` on the program. */
export function registerLogCommands(program: Command): void {
  const log = program
    .command("log")
    .description("journey analytics on event logs (CSV/TSV, JSON, XES, Parquet)");
  addCommon(
    log
      .command("stats")
      .description("events, cases, activities, variants, start/end activities, case duration"),
  ).action((file: string, o: object) => runOnLog(file, o, (e) => e.stats(), statsRows));
  addCommon(log.command("variants").description("top variants with coverage"))
    .option("--top <n>", "how many variants", positiveInt, 10)
    .action((file: string, o: { top: number }) =>
      runOnLog(file, o, (e) => e.variants({ top: o.top }), variantRows),
    );
  addCommon(
    log.command("dfg").description("directly-follows graph: counts and mean/median time per edge"),
  ).action((file: string, o: object) => runOnLog(file, o, (e) => e.dfg(), dfgRows));
  addCommon(log.command("paths").description("paths after (--from) or before (--to) an activity"))
    .option("--from <activity>", "paths after the first occurrence of this activity")
    .option("--to <activity>", "paths leading to the first occurrence of this activity")
    .option("--depth <n>", "activities per path", positiveInt, 3)
    .option("--top <n>", "paths before the other bucket", positiveInt, 10)
    .action((file: string, o: { from?: string; to?: string; depth: number; top: number }, cmd: Command) => {
      if ((o.from === undefined) === (o.to === undefined))
        cmd.error("error: give exactly one of --from and --to", { exitCode: 2 });
      return runOnLog(
        file,
        o,
        (e) => e.paths({ from: o.from, to: o.to, depth: o.depth, top: o.top }),
        pathRows,
      );
    });
  addCommon(log.command("funnel").description("funnel over ordered steps"))
    .requiredOption("--steps <a,b,c>", "comma-separated activities")
    .option("--mode <mode>", "sequential | strict | any", "sequential")
    .option("--window <duration>", "conversion window, e.g. 30m, 12h, 14d", parseWindow)
    .option("--by <column>", "break down by this column (value at entry)")
    .action(
      (file: string, o: { steps: string; mode: string; window?: number; by?: string }, cmd: Command) => {
        const steps = o.steps
          .split(",")
          .map((s) => s.trim())
          .filter((s) => s !== "");
        if (steps.length < 2) cmd.error("error: --steps needs at least two activities", { exitCode: 2 });
        if (!(FUNNEL_MODES as readonly string[]).includes(o.mode))
          cmd.error("error: --mode must be sequential, strict or any", { exitCode: 2 });
        const mode = o.mode as FunnelMode;
        return runOnLog(
          file,
          o,
          (e) => e.funnel({ steps, mode, windowMs: o.window, by: o.by }),
          funnelRows,
          o.by !== undefined,
        );
      },
    );
}
