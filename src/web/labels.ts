import type { MapKind, MapStatus } from "../domain/index.ts";

/** Human names of map kinds. */
export const KIND_LABELS: Record<MapKind, string> = {
  current_state: "Current state",
  future_state: "Future state",
  day_in_the_life: "Day in the life",
  service_blueprint: "Service blueprint",
  experience_map: "Experience map",
  user_journey: "User journey",
  circular: "Circular",
  empathy_map: "Empathy map",
};

/** Human names of map statuses. */
export const STATUS_LABELS: Record<MapStatus, string> = {
  draft: "Draft",
  in_review: "In review",
  published: "Published",
  archived: "Archived",
};

/** "3 min ago", "yesterday", or a date. */
export function relativeTime(iso: string, now = Date.now()): string {
  const s = Math.round((now - Date.parse(iso)) / 1000);
  if (s < 60) return "just now";
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86_400) return `${Math.floor(s / 3600)} h ago`;
  if (s < 172_800) return "yesterday";
  return new Date(iso).toLocaleDateString();
}
