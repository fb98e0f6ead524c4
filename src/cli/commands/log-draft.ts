import { writeFileSync } from "node:fs";
import { basename } from "node:path";
import { type Command, InvalidArgumentError } from "commander";
import { z } from "zod";
import { DEFAULT_ENGINE, ENGINE_NAMES, isEngineName, openEngine } from "../../analytics/registry.ts";
import { type MapId, newId, toNativeDocument } from "../../domain/index.ts";
import { buildMap, draftMap, draftStages, touchpointQuery } from "../../domain/journey-data/index.ts";
import { printJson } from "../io.ts";
import { withProgress } from "./log-progress.ts";
import { addReadOptions, ReadOptionsSchema, readOptions } from "./log-read-options.ts";

const DraftOptionsSchema = ReadOptionsSchema.extend({
  output: z.string().min(1).optional(),
  title: z.string().trim().min(1).max(200).optional(),
  channel: z.string().trim().min(1).max(200).optional(),
  engine: z.enum(ENGINE_NAMES).default(DEFAULT_ENGINE),
});

function engineOption(value: string): string {
  if (!isEngineName(value)) throw new InvalidArgumentError(`expected one of ${ENGINE_NAMES.join(", ")}`);
  return value;
}

const pct = (x: number) => `${Math.round(x * 1000) / 10} %`;

/** Reads the log, drafts the map, writes it as a native document (a file or stdout). */
async function draft(file: string, raw: unknown): Promise<void> {
  const o = DraftOptionsSchema.parse(raw);
  const engine = await openEngine(o.engine);
  try {
    const options = readOptions(raw);
    const report = await withProgress(file, () => engine.load({ file, options }));
    if (report.errors.length > 0) console.error(`${file}: ${report.errors.length} invalid row(s) skipped`);
    const [stats, variants, dfg] = [
      await engine.stats(),
      await engine.variants({ top: 100_000 }),
      await engine.dfg(),
    ];
    const now = new Date().toISOString();
    const logName = basename(file);
    const input = { logId: logName, logName, stats, variants, dfg };
    const opts = { today: now.slice(0, 10), ...(o.title ? { title: o.title } : {}) };
    const channels = await engine.stageAttributeMix(
      touchpointQuery(draftStages(input, opts).stages, o.channel),
    );
    const d = draftMap({ ...input, channels }, opts);
    const map = { ...buildMap(d.title, d.commands, now), id: newId<MapId>() };
    const doc = toNativeDocument(map, [], now);
    if (!o.output) return printJson(doc);
    writeFileSync(o.output, `${JSON.stringify(doc, null, 2)}\n`);
    d.stages.forEach((s, i) => console.error(`${i + 1}. ${s.name}: ${s.activities.join(", ")}`));
    console.error(
      `${o.output}: ${d.stages.length} stages, ${pct(d.fit.inOrderShare)} of cases in order, ${d.pains.length} pain point(s), ${
        d.touchpoints.attribute === null
          ? "no channel attribute (no touchpoints)"
          : `${d.touchpoints.cards.length} touchpoint(s) from "${d.touchpoints.attribute}"`
      }`,
    );
  } finally {
    await engine.close();
  }
}

/** `wayline log draft FILE -o MAP.wayline.json`: a current-state map drafted from an event log. */
export function registerLogDraft(log: Command): void {
  const cmd = log
    .command("draft")
    .description("draft a journey map from an event log (stages, activity rules, KPIs, pain points)")
    .argument("<file>", "event log: .csv .tsv .json .ndjson .xes .xes.gz .parquet")
    .option("-o, --output <file>", "write the map here (a .wayline.json native document); stdout otherwise")
    .option("--title <title>", "map title (default: Journey from <file>)")
    .option(
      "--channel <attr>",
      "event attribute holding the channel, for the touchpoints lane (default: the first of channel, via, source, medium, platform … the log carries)",
    );
  addReadOptions(cmd)
    .option("--engine <name>", `engine: ${ENGINE_NAMES.join(" | ")}`, engineOption, DEFAULT_ENGINE)
    .action((file: string, o: object) => draft(file, o));
}
