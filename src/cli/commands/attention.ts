import type { Command } from "commander";
import { z } from "zod";
import { invalid, problemsFromIssues } from "../../domain/index.ts";
import {
  ATTENTION_KINDS,
  AttentionFilterSchema,
  type AttentionItem,
  type AttentionKind,
  FailOnSchema,
  failsOn,
} from "../../domain/portfolio/index.ts";
import { EXIT, ExitCode, printJson, printTable } from "../io.ts";
import {
  openCliServices,
  resolveWorkspace,
  withStoreOptions,
  withWorkspaceOption,
} from "../store-options.ts";

/** Options of `wayline attention`, validated. */
const AttentionOptionsSchema = AttentionFilterSchema.extend({
  /** Exit 1 when the list holds overdue pain points and/or stale maps (comma-separated). */
  failOn: z
    .string()
    .transform((s) => s.split(",").map((v) => v.trim()))
    .pipe(z.array(FailOnSchema).min(1))
    .optional(),
  /** The day to compute the list for (default today). */
  today: z.iso.date().optional(),
  /** Print JSON. */
  json: z.boolean().optional(),
  /** Data folder. */
  data: z.string().optional(),
  /** API token the command acts as (checked before it runs, `cli/principal.ts`). */
  token: z.string().optional(),
  /** Workspace id or name (default: the default workspace). */
  workspace: z.string().min(1).optional(),
});

/** Section titles of the human-readable list. */
const TITLES: Record<AttentionKind, string> = {
  "pain-overdue": "Overdue pain points",
  "review-overdue": "Maps past their review cadence",
  "research-stale": "Research older than the limit",
  "pain-no-owner": "Pain points without an owner",
  "future-state-missing": "Maps without a future state",
};

function printHuman(today: string, mapCount: number, items: readonly AttentionItem[]): void {
  console.log(`Needs attention on ${today}: ${items.length} item(s) across ${mapCount} map(s)`);
  for (const kind of ATTENTION_KINDS) {
    const rows = items.filter((i) => i.kind === kind);
    if (rows.length === 0) continue;
    console.log(`\n${TITLES[kind]} (${rows.length})`);
    printTable(rows.map((i) => [`  ${i.mapTitle}`, i.owner ?? "(no owner)", i.message]));
  }
}

/** `wayline attention`: what is stale or overdue across the workspace (exit 1 with --fail-on when found). */
export function registerAttention(program: Command): void {
  withWorkspaceOption(withStoreOptions(program.command("attention")))
    .description("list what needs attention across all maps: overdue pain points, stale maps, missing owners")
    .option("--json", "print the list as JSON")
    .option("--owner <name>", "only what this person or team has to act on")
    .option("--kind <kinds>", `only these kinds, comma-separated (${ATTENTION_KINDS.join(", ")})`)
    .option(
      "--fail-on <what>",
      "exit 1 when something is overdue or stale (overdue, stale or both, comma-separated)",
    )
    .option("--today <date>", "compute the list for this day (YYYY-MM-DD, default today)")
    .action(async (raw: Record<string, unknown>) => {
      const r = AttentionOptionsSchema.safeParse(raw);
      if (!r.success) throw invalid("invalid_request", "invalid options", problemsFromIssues(r.error.issues));
      const o = r.data;
      const opened = await openCliServices(o);
      try {
        const ws = await resolveWorkspace(opened.store, o.workspace);
        const report = await opened.services.attention.list(ws, {
          owner: o.owner,
          kinds: o.kind,
          today: o.today,
        });
        if (o.json) printJson(report);
        else printHuman(report.today, report.mapCount, report.items);
        const failed = (o.failOn ?? []).filter((f) => failsOn(report.items, f));
        if (failed.length > 0) {
          if (!o.json) console.error(`wayline: needs attention: ${failed.join(", ")} found`);
          throw new ExitCode(EXIT.user);
        }
      } finally {
        await opened.close();
      }
    });
}
