/** Human names of map kinds and statuses: defined once in the domain (the summary uses them too). */
export { MAP_KIND_LABELS as KIND_LABELS, MAP_STATUS_LABELS as STATUS_LABELS } from "../domain/index.ts";

/** "3 min ago", "yesterday", or a date. */
export function relativeTime(iso: string, now = Date.now()): string {
  const s = Math.round((now - Date.parse(iso)) / 1000);
  if (s < 60) return "just now";
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86_400) return `${Math.floor(s / 3600)} h ago`;
  if (s < 172_800) return "yesterday";
  return new Date(iso).toLocaleDateString();
}
