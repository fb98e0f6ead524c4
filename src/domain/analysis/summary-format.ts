import { MAP_KIND_LABELS, MAP_STATUS_LABELS, WORK_STATUS_LABELS } from "../labels.ts";
import type { WorkStatus } from "../model/card.ts";
import type { MapKind, MapStatus } from "../model/journey-map.ts";
import type { SummaryPainPoint } from "./summary-types.ts";

/** Human name of a map kind (the same the editor shows). */
export function kindName(kind: MapKind): string {
  return MAP_KIND_LABELS[kind];
}

/** Priority as text: "1.5 (abandon × 50 %)" or "unknown (…)". */
export function priorityText(p: Pick<SummaryPainPoint, "score" | "impact" | "reach">): string {
  const reach = p.reach === null ? "reach ?" : `${Math.round(p.reach * 100)} %`;
  const detail = `${p.impact ?? "impact ?"} × ${reach}`;
  return p.score === null ? `unknown (${detail})` : `${p.score} (${detail})`;
}

/** A map status or a work status in words ("Draft", "In progress"). */
export function statusText(status: MapStatus | WorkStatus): string {
  return status in MAP_STATUS_LABELS
    ? MAP_STATUS_LABELS[status as MapStatus]
    : WORK_STATUS_LABELS[status as WorkStatus];
}

/** Goal as one line: statement, then metric and target when set. */
export function goalText(goal: { statement: string; metric: string; target: string }): string {
  const measure = [goal.metric, goal.target].filter((s) => s.trim()).join(": ");
  const statement = goal.statement.trim() || "No goal set";
  return measure ? `${statement} (${measure})` : statement;
}
