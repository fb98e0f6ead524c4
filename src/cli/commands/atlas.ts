import type { Command } from "commander";
import { z } from "zod";
import { type Atlas, AtlasFilterSchema, type AtlasTile } from "../../domain/atlas/index.ts";
import { invalid, problemsFromIssues } from "../../domain/index.ts";
import { MAP_KIND_LABELS, MAP_STATUS_LABELS } from "../../domain/labels.ts";
import { EXIT, ExitCode, printJson, printTable } from "../io.ts";
import {
  openCliServices,
  resolveWorkspace,
  withStoreOptions,
  withWorkspaceOption,
} from "../store-options.ts";

/** Options of `wayline atlas`, validated. */
const AtlasOptionsSchema = AtlasFilterSchema.omit({ stale: true }).extend({
  /** Only stale maps. */
  stale: z.boolean().optional(),
  /** Exit 1 when a stale map is shown. */
  failOn: z.literal("stale").optional(),
  /** The day staleness is judged on. */
  today: z.iso.date().optional(),
  json: z.boolean().optional(),
  data: z.string().optional(),
  /** API token the command acts as (checked before it runs, `cli/principal.ts`). */
  token: z.string().optional(),
  workspace: z.string().min(1).optional(),
});

const pct = (x: number) => `${Math.round(x * 100)} %`;

function tileRow(phase: string, t: AtlasTile, pairedWith?: string): string[] {
  return [
    `  ${phase}`,
    pairedWith ? `  ↳ ${t.title}` : t.title,
    MAP_KIND_LABELS[t.kind],
    MAP_STATUS_LABELS[t.status],
    String(t.healthScore),
    String(t.openPainPoints),
    pct(t.evidenceShare),
    t.conversion ? `${pct(t.conversion.share)} (${t.conversion.source})` : "–",
    t.stale ? "STALE" : "",
  ];
}

function printHuman(atlas: Atlas & { today: string }): void {
  console.log(`Atlas on ${atlas.today}: ${atlas.mapCount} map(s), ${atlas.staleCount} stale`);
  for (const row of atlas.rows) {
    const lines = row.cells.flatMap((cell, i) =>
      cell.flatMap((e) => {
        const phase = atlas.columns[i]?.label ?? "";
        return [tileRow(phase, e.tile), ...(e.future ? [tileRow(phase, e.future, e.tile.title)] : [])];
      }),
    );
    console.log(`\n${row.name}`);
    if (lines.length === 0) console.log("  (no maps)");
    else
      printTable([
        ["  PHASE", "MAP", "KIND", "STATUS", "HEALTH", "OPEN PAINS", "EVIDENCE", "CONVERSION", ""],
        ...lines,
      ]);
  }
}

/** `wayline atlas`: every journey of the workspace, personas × lifecycle phases (exit 1 with --fail-on stale). */
export function registerAtlas(program: Command): void {
  withWorkspaceOption(withStoreOptions(program.command("atlas")))
    .description(
      "every journey of the workspace by persona and lifecycle phase, with health, evidence and data",
    )
    .option("--json", "print the atlas as JSON")
    .option("--persona-id <id>", "only this persona's row")
    .option("--tag <tag>", "only maps with this tag")
    .option("--owner <name>", "only maps of this owner")
    .option("--status <status>", "draft, in_review, published or archived")
    .option("--stale", "only stale maps (past their review cadence or citing stale research)")
    .option("--fail-on <what>", "exit 1 when a stale map is shown (stale)")
    .option("--today <date>", "judge staleness on this day (YYYY-MM-DD)")
    .action(async (raw: Record<string, unknown>) => {
      const r = AtlasOptionsSchema.safeParse(raw);
      if (!r.success) throw invalid("invalid_request", "invalid options", problemsFromIssues(r.error.issues));
      const { json, failOn, today, data, workspace, token: _token, ...filter } = r.data;
      const opened = await openCliServices({ data });
      try {
        const ws = await resolveWorkspace(opened.store, workspace);
        const atlas = await opened.services.atlas.get(ws, filter, today);
        if (json) printJson(atlas);
        else printHuman(atlas);
        if (failOn === "stale" && atlas.staleCount > 0) {
          if (!json) console.error(`wayline: ${atlas.staleCount} stale map(s) found`);
          throw new ExitCode(EXIT.user);
        }
      } finally {
        await opened.close();
      }
    });
}
