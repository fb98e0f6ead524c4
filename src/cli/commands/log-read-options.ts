import { type Command, Option } from "commander";
import { z } from "zod";
import type { ImportOptionsInput, ImportReport } from "../../analytics/model.ts";
import { CONNECTOR_NAMES } from "../../domain/connectors/index.ts";

/** How a log file is read: the options every command that reads a log takes. */
export const ReadOptionsSchema = z.object({
  case: z.string().min(1).optional(),
  activity: z.string().min(1).optional(),
  timestamp: z.string().min(1).optional(),
  timestampFormat: z.string().min(1).optional(),
  timezone: z.string().min(1).optional(),
  lifecycle: z.enum(["all", "complete", "merge"]).optional(),
  classifier: z.string().min(1).optional(),
  connector: z.enum(["auto", "none", ...CONNECTOR_NAMES]).optional(),
});

/** Adds the reading options (columns, timestamp layout and zone, lifecycle, classifier). */
export function addReadOptions(cmd: Command): Command {
  return cmd
    .option("--case <column>", "column with the case id")
    .option("--activity <column>", "column with the activity")
    .option("--timestamp <column>", "column with the timestamp")
    .option(
      "--timestamp-format <strftime>",
      'layout of the timestamps, e.g. "%d.%m.%Y %H:%M" (detected when absent)',
    )
    .option(
      "--timezone <zone>",
      "time zone of timestamps written without one, e.g. Europe/Berlin (default UTC)",
    )
    .addOption(
      new Option(
        "--lifecycle <mode>",
        "XES lifecycle transitions: all (default), complete, merge (start+complete → one event with a duration)",
      ).choices(["all", "complete", "merge"]),
    )
    .option("--classifier <name>", "XES classifier declared in the file whose keys make the activity")
    .addOption(
      new Option(
        "--connector <name>",
        "read another tool's export (auto: detected from the columns; none: a plain log)",
      ).choices(["auto", "none", ...CONNECTOR_NAMES]),
    );
}

/** The import options from parsed CLI options (absent ones left out). */
export function readOptions(raw: unknown): ImportOptionsInput {
  const o = ReadOptionsSchema.parse(raw);
  const out: ImportOptionsInput = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}

/** Lines on stderr saying how the columns, timestamps and lifecycle were read (not with --json). */
export function describeReading(report: ImportReport): string[] {
  const lines: string[] = [];
  const m = report.mappingChoice;
  if (m && !report.connector)
    lines.push(
      `columns: ${(["case", "activity", "timestamp"] as const).map((r) => `${r} "${m[r].column}" (${m[r].reason})`).join("; ")}`,
    );
  const t = report.timestamps;
  if (t) {
    const layouts = Object.entries(t.layouts)
      .map(([k, n]) => `${k} (${n})`)
      .join(", ");
    if (layouts)
      lines.push(`timestamps: ${layouts}${t.order ? `; ${t.order}` : ""}; naive times in ${t.timezone}`);
  }
  const l = report.lifecycle;
  if (l) {
    const seen = Object.entries(l.transitions)
      .map(([k, n]) => `${k} ${n}`)
      .join(", ");
    const did =
      l.mode === "complete"
        ? `, ${l.dropped} dropped`
        : l.mode === "merge"
          ? `, ${l.merged} pairs merged, ${l.unpaired} starts unpaired, ${l.dropped} dropped`
          : "";
    lines.push(`lifecycle ${l.mode}: ${seen}${did}`);
  }
  if (report.classifier) lines.push(`activity by classifier "${report.classifier}"`);
  if (report.connector) lines.push(`read as ${report.connector.label} (connector ${report.connector.name})`);
  return lines;
}
