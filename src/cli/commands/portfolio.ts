import { writeFile } from "node:fs/promises";
import type { Command } from "commander";
import { z } from "zod";
import { invalid, problemsFromIssues } from "../../domain/index.ts";
import { PortfolioFilterSchema, type PortfolioItem, toTrackerCsv } from "../../domain/portfolio/index.ts";
import { EXIT, ExitCode, printJson, printTable } from "../io.ts";
import {
  openCliServices,
  resolveWorkspace,
  withStoreOptions,
  withWorkspaceOption,
} from "../store-options.ts";

/** Options of `wayline portfolio`, validated. */
const PortfolioOptionsSchema = PortfolioFilterSchema.omit({ overdue: true }).extend({
  /** Only overdue pain points. */
  overdue: z.boolean().optional(),
  /** Exit 1 when an overdue pain point is listed. */
  failOn: z.literal("overdue").optional(),
  /** Print the issue-tracker CSV instead of the table. */
  csv: z.boolean().optional(),
  /** Write the issue-tracker XLSX (needs --output). */
  xlsx: z.boolean().optional(),
  /** File the XLSX is written to. */
  output: z.string().min(1).optional(),
  /** Base URL of the links back to the maps in the CSV. */
  linkBase: z.url().default("http://localhost:4400"),
  /** The day overdue is judged on. */
  today: z.iso.date().optional(),
  json: z.boolean().optional(),
  data: z.string().optional(),
  /** API token the command acts as (checked before it runs, `cli/principal.ts`). */
  token: z.string().optional(),
  /** Workspace id or name (default: the default workspace). */
  workspace: z.string().min(1).optional(),
});

const score = (i: PortfolioItem) => (i.score === null ? "–" : i.score.toFixed(2));

function printHuman(items: readonly PortfolioItem[], total: number): void {
  printTable([
    ["PRIORITY", "TYPE", "STATUS", "OWNER", "DUE", "MAP", "STAGE", "SUMMARY"],
    ...items.map((i) => [
      score(i),
      i.type,
      i.status ?? "",
      i.owner ?? "",
      i.dueDate ? `${i.dueDate}${i.overdue ? " OVERDUE" : ""}` : "",
      i.mapTitle,
      i.stageName,
      i.summary.length > 60 ? `${i.summary.slice(0, 59)}…` : i.summary,
    ]),
  ]);
  console.log(`\n${items.length} of ${total} row(s), ${items.filter((i) => i.overdue).length} overdue`);
}

/** `wayline portfolio`: every pain point and idea across maps by priority (exit 1 with --fail-on overdue). */
export function registerPortfolio(program: Command): void {
  withWorkspaceOption(withStoreOptions(program.command("portfolio")))
    .description("every pain point and idea across all maps, sorted by priority")
    .option("--json", "print the rows as JSON")
    .option("--csv", "print an issue-tracker CSV (summary, description, assignee, due date, labels, link)")
    .option("--xlsx", "write the same issue-tracker rows as an XLSX workbook (with -o FILE)")
    .option("-o, --output <file>", "file of --xlsx")
    .option("--link-base <url>", "base URL of the links in the CSV / XLSX", "http://localhost:4400")
    .option("--type <type>", "pain, idea or solution")
    .option(
      "--status <status>",
      "open, in_progress, done, wont_fix (pain points) or planned, shipped (solutions)",
    )
    .option("--owner <name>", "only this owner's pain points")
    .option("--map-id <id>", "only this map")
    .option("--persona-id <id>", "only maps with this persona")
    .option("--overdue", "only overdue pain points")
    .option("--sort <order>", "priority, due, owner, status or map", "priority")
    .option("--fail-on <what>", "exit 1 when an overdue pain point is listed (overdue)")
    .option("--today <date>", "judge overdue on this day (YYYY-MM-DD)")
    .action(async (raw: Record<string, unknown>) => {
      const r = PortfolioOptionsSchema.safeParse(raw);
      if (!r.success) throw invalid("invalid_request", "invalid options", problemsFromIssues(r.error.issues));
      const {
        json,
        csv,
        xlsx,
        output,
        linkBase,
        failOn,
        today,
        data,
        workspace,
        token: _token,
        ...filter
      } = r.data;
      if (xlsx && !output)
        throw invalid("invalid_request", "invalid options", [
          { path: "output", message: "--xlsx writes a file: give it with -o FILE" },
        ]);
      const opened = await openCliServices({ data });
      try {
        const ws = await resolveWorkspace(opened.store, workspace);
        const report = await opened.services.portfolio.list(ws, filter, today);
        if (xlsx && output) {
          // Loaded on demand: every command (serve too) would otherwise load exceljs at start-up.
          const { toTrackerXlsx } = await import("../../services/portfolio/tracker-xlsx.ts");
          await writeFile(output, await toTrackerXlsx(report.items, linkBase));
          console.error(`wrote ${report.items.length} row(s) to ${output}`);
        } else if (csv) process.stdout.write(toTrackerCsv(report.items, linkBase));
        else if (json) printJson(report);
        else printHuman(report.items, report.total);
        if (failOn === "overdue" && report.items.some((i) => i.overdue)) {
          if (!json && !csv && !xlsx) console.error("wayline: overdue pain points found");
          throw new ExitCode(EXIT.user);
        }
      } finally {
        await opened.close();
      }
    });
}
