import { basename } from "node:path";
import type { Command } from "commander";
import { WaylineError } from "../../domain/errors.ts";
import { parseNativeText } from "../../domain/index.ts";
import { printJson, printTable } from "../io.ts";
import { readTextFile } from "../read-bounded.ts";
import { addCommon, withLogFile } from "./log.ts";

interface Options {
  map: string;
  attribute?: string;
  json?: boolean;
}

const pct = (x: number) => `${Math.round(x * 1000) / 10} %`;

/**
 * `wayline log themes FILE --map MAP.wayline.json [--attribute text]`: the recurring themes of a
 * support log's ticket text per stage of the map (the API's `GET /api/journeys/:id/tickets/themes`).
 */
export function registerLogThemes(log: Command): void {
  addCommon(
    log
      .command("themes")
      .description(
        "themes of a support log's ticket text per stage of a map (key phrases, sentiment, quotes)",
      ),
    "<file>",
    "support log: a Zendesk or Freshdesk export, or any log with a ticket text attribute",
  )
    .requiredOption("--map <file>", "a *.wayline.json map whose activity rules place the log's events")
    .option("--attribute <name>", "event attribute holding the ticket text", "text")
    .action(async (file: string, o: Options) => {
      let map: ReturnType<typeof parseNativeText>["map"];
      try {
        map = parseNativeText(readTextFile(o.map)).map;
      } catch (e) {
        throw new WaylineError("invalid_request", `--map ${o.map}: ${(e as Error).message}`);
      }
      const { ticketThemesOn } = await import("../../services/surveys/ticket-themes.ts");
      const { themesNlp } = await import("../../services/surveys/themes.ts");
      const nlp = await themesNlp();
      const name = basename(file);
      const report = await withLogFile(file, o, (e) =>
        ticketThemesOn(e, map, { logId: name, logName: name, attribute: o.attribute }, nlp),
      );
      if (o.json) return printJson(report);
      const rows = [["stage", "tickets", "theme", "count", "share", "sentiment", "quote"]];
      for (const s of report.stages)
        for (const t of s.themes)
          rows.push([
            s.stageName,
            String(s.comments),
            t.phrase,
            String(t.count),
            pct(t.share),
            t.sentiment.toFixed(2),
            `ticket ${t.quotes[0]?.ticketId}: ${(t.quotes[0]?.text ?? "").replace(/\s+/g, " ").slice(0, 60)}`,
          ]);
      printTable(rows);
      console.error(
        `${file}: ${report.tickets} ticket(s) placed on ${report.stages.filter((s) => s.comments > 0).length} stage(s)${report.truncated ? " (truncated)" : ""}; automation candidates: ${report.automationCandidates.map((a) => `${a.stageName} (“${a.phrase}”, ${pct(a.share)})`).join(", ") || "none"}`,
      );
    });
}
