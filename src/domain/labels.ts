import type { SolutionStatus, WorkStatus } from "./model/card.ts";
import type { MapKind, MapStatus } from "./model/journey-map.ts";

// Human names shown to people: the editor, the home page and the stakeholder summary read these,
// so a map kind is called the same everywhere. Lane-type names live with the lane types
// (`LANE_TYPES[type].label` in model/lane-types.ts).

/** Human name of each map kind. */
export const MAP_KIND_LABELS: Readonly<Record<MapKind, string>> = {
  current_state: "Current state",
  future_state: "Future state",
  day_in_the_life: "Day in the life",
  service_blueprint: "Service blueprint",
  experience_map: "Experience map",
  user_journey: "User journey",
  circular: "Circular",
  empathy_map: "Empathy map",
};

/** Human name of each map status. */
export const MAP_STATUS_LABELS: Readonly<Record<MapStatus, string>> = {
  draft: "Draft",
  in_review: "In review",
  published: "Published",
  archived: "Archived",
};

/** Human name of each work status of a pain point (or other owned item). */
export const WORK_STATUS_LABELS: Readonly<Record<WorkStatus, string>> = {
  open: "Open",
  in_progress: "In progress",
  done: "Done",
  wont_fix: "Won't fix",
};

/** Label of each stage of a solution. */
export const SOLUTION_STATUS_LABELS: Readonly<Record<SolutionStatus, string>> = {
  planned: "Planned",
  in_progress: "In progress",
  shipped: "Shipped",
};
