import type { MapKind } from "../model/journey-map.ts";
import type { SummaryPainPoint } from "./summary.ts";

const KIND_NAMES: Record<MapKind, string> = {
  current_state: "Current state",
  future_state: "Future state",
  day_in_the_life: "Day in the life",
  service_blueprint: "Service blueprint",
  experience_map: "Experience map",
  user_journey: "User journey",
  circular: "Circular journey",
  empathy_map: "Empathy map",
};

/** Human name of a map kind. */
export function kindName(kind: MapKind): string {
  return KIND_NAMES[kind];
}

/** Priority as text: "1.5 (abandon × 50 %)" or "unknown (…)". */
export function priorityText(p: Pick<SummaryPainPoint, "score" | "impact" | "reach">): string {
  const reach = p.reach === null ? "reach ?" : `${Math.round(p.reach * 100)} %`;
  const detail = `${p.impact ?? "impact ?"} × ${reach}`;
  return p.score === null ? `unknown (${detail})` : `${p.score} (${detail})`;
}

/** Status as text. */
export function statusText(status: string): string {
  return status === "in_progress" ? "in progress" : status.replace("_", " ");
}

/** Goal as one line: statement, then metric and target when set. */
export function goalText(goal: { statement: string; metric: string; target: string }): string {
  const measure = [goal.metric, goal.target].filter((s) => s.trim()).join(": ");
  const statement = goal.statement.trim() || "No goal set";
  return measure ? `${statement} (${measure})` : statement;
}
