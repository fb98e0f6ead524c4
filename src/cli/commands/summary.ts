import { readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { Command } from "commander";
import { runHealthCheck } from "../../domain/analysis/index.ts";
import { parseNativeText, SUMMARY_FORMAT_KEYS, WaylineError } from "../../domain/index.ts";
import { renderSummary, type SummaryFormat } from "../../services/analysis-service.ts";
import { findRcFile, loadHealthConfig } from "./check.ts";

/** `wayline summary FILE --format md|html|pdf -o OUT`. */
export function registerSummary(program: Command): void {
  program
    .command("summary")
    .description(
      "write the stakeholder summary of a map (top pain points, owners, action plan, overdue items)",
    )
    .argument("<file>", "map file (*.wayline.json)")
    .option("--format <format>", SUMMARY_FORMAT_KEYS.join(", "), "md")
    .option("-o, --output <file>", "file to write (default: stdout for md/html)")
    .action(async (file: string, o: { format: string; output?: string }) => {
      if (!(SUMMARY_FORMAT_KEYS as string[]).includes(o.format))
        throw new WaylineError(
          "invalid_request",
          `--format must be one of ${SUMMARY_FORMAT_KEYS.join(", ")}, got "${o.format}"`,
        );
      if (o.format === "pdf" && !o.output) throw new WaylineError("invalid_request", "a PDF needs -o FILE");
      const doc = parseNativeText(readFileSync(file, "utf8"));
      const today = new Date().toISOString().slice(0, 10);
      const rc = findRcFile(dirname(file));
      const health = runHealthCheck(doc.map, rc ? loadHealthConfig(rc) : undefined, { today });
      const out = await renderSummary(doc.map, o.format as SummaryFormat, today, health, doc.personas);
      if (o.output) {
        writeFileSync(o.output, out.body);
        console.error(`wrote ${o.output}`);
      } else process.stdout.write(out.body);
    });
}
