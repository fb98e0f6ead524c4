import { statSync } from "node:fs";
import type { Command } from "commander";
import { formatDuration } from "../../domain/duration.ts";
import { WaylineError } from "../../domain/errors.ts";
import { parseNativeText } from "../../domain/index.ts";
import { SLA_STATUS_LABELS, type StageTime } from "../../domain/journey-data/index.ts";
import type { JourneyMap } from "../../domain/model/journey-map.ts";
import type { DurationsReport } from "../../services/logs/map-data-service.ts";
import type { OpenServices } from "../../services/services.ts";
import { printJson, printTable } from "../io.ts";
import { readTextFile } from "../read-bounded.ts";
import {
  openCliServices,
  resolveWorkspace,
  withStoreOptions,
  withWorkspaceOption,
} from "../store-options.ts";
import { addCommon, withLogFile } from "./log.ts";

type Rows = string[][];

const isFile = (path: string): boolean => {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
};

/** Table rows of the activity durations: activity, events, measured, median, p90, mean. */
export function activityDurationRows(r: DurationsReport): Rows {
  return [
    ["activity", "events", "measured", "median", "p90", "mean"],
    ...r.activities.map((a) =>
      a.measured === 0
        ? [a.activity, String(a.events), "0", "–", "–", "–"]
        : [
            a.activity,
            String(a.events),
            String(a.measured),
            formatDuration(a.duration.medianMs),
            formatDuration(a.duration.p90Ms),
            formatDuration(a.duration.meanMs),
          ],
    ),
  ];
}

/** The SLA as written in tables: "2 d", with its label in brackets; "–" without one. */
export function slaText(s: Pick<StageTime, "sla">): string {
  if (!s.sla) return "–";
  return `${formatDuration(s.sla.targetMs)}${s.sla.label ? ` (${s.sla.label})` : ""}`;
}

/** Table rows of time in stage: stage, cases, median, p90, SLA, status. */
export function stageDurationRows(stages: readonly StageTime[]): Rows {
  return [
    ["stage", "cases", "median", "p90", "SLA", "status"],
    ...stages.map((s) => [
      s.stageName,
      String(s.cases),
      s.cases ? formatDuration(s.duration.medianMs) : "–",
      s.cases ? formatDuration(s.duration.p90Ms) : "–",
      slaText(s),
      SLA_STATUS_LABELS[s.status],
    ]),
  ];
}

interface Options {
  map?: string;
  json?: boolean;
  data?: string;
  workspace?: string;
}

/**
 * `wayline log durations FILE|LOG [--map MAP]`: activity durations of an interval log (a file, or
 * a log stored in the workspace by id) and, with a map (a *.wayline.json file or a stored map's
 * id), the time in each of its stages beside the stage's SLA.
 */
export function registerLogDurations(log: Command): void {
  addCommon(
    withWorkspaceOption(withStoreOptions(log.command("durations"))).description(
      "activity durations (median, p90, mean) and, with --map, time in stage beside each stage's SLA",
    ),
    "<log>",
    "event log file (.csv .tsv .json .ndjson .xes .xes.gz .parquet) or the id of a log in the workspace",
  )
    .option("--map <file|id>", "a *.wayline.json file or the id of a map in the workspace")
    .action(async (logArg: string, o: Options) => {
      const logIsFile = isFile(logArg);
      const mapIsFile = o.map !== undefined && isFile(o.map);
      const needStore = !logIsFile || (o.map !== undefined && !mapIsFile);
      const opened = needStore ? await openCliServices(o) : null;
      try {
        const ws = opened ? await resolveWorkspace(opened.store, o.workspace) : "";
        const map = o.map === undefined ? undefined : await readMap(o.map, mapIsFile, opened, ws);
        const { measureDurations } = await import("../../services/logs/map-data-service.ts");
        let report: DurationsReport & { logId?: string; logName?: string };
        if (logIsFile) report = await withLogFile(logArg, o, (e) => measureDurations(e, map));
        else {
          const services = (opened as OpenServices).services;
          const info = await services.logs.get(ws, logArg).catch((e: unknown) => {
            if (e instanceof WaylineError && e.code === "not_found")
              throw new WaylineError(
                "not_found",
                `<log>: "${logArg}" is neither a file nor the id of a log in workspace ${ws} (see the Data tab or \`wayline log import\`)`,
              );
            throw e;
          });
          const r = await services.logs.query(ws, logArg, (e) => measureDurations(e, map));
          report = { logId: info.id, logName: info.name, ...r };
        }
        if (o.json) return printJson(report);
        if (report.measured === 0)
          console.error(
            `${logArg}: no event has a duration (an interval log has a Start Timestamp and a Complete Timestamp column; XES: --lifecycle merge)`,
          );
        printTable(activityDurationRows(report));
        if (report.stages) {
          console.log("");
          printTable(stageDurationRows(report.stages));
        }
      } finally {
        await opened?.close();
      }
    });
}

/** The map of `--map`: a native file, else a stored map of the workspace. */
async function readMap(
  given: string,
  isFileArg: boolean,
  opened: OpenServices | null,
  ws: string,
): Promise<Pick<JourneyMap, "stages" | "activityRules">> {
  if (isFileArg) {
    try {
      return parseNativeText(readTextFile(given)).map;
    } catch (e) {
      throw new WaylineError("invalid_request", `--map ${given}: ${(e as Error).message}`);
    }
  }
  try {
    return (await (opened as OpenServices).services.journeys.get(ws, given)).map;
  } catch (e) {
    if (e instanceof WaylineError && e.code === "not_found")
      throw new WaylineError(
        "not_found",
        `--map: "${given}" is neither a file nor the id of a map in workspace ${ws}`,
      );
    throw e;
  }
}
