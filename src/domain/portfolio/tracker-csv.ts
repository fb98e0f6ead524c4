import type { PortfolioItem } from "./portfolio.ts";

/** Columns of the issue-tracker CSV (Jira, Linear, GitHub importers map these by name). */
export const TRACKER_COLUMNS = ["Summary", "Description", "Assignee", "Due date", "Labels", "Link"] as const;

/**
 * One CSV cell: quoted when it holds a comma, quote or line break (RFC 4180); text that a
 * spreadsheet would run as a formula (= + - @ at the start) is prefixed with an apostrophe.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function labels(i: PortfolioItem): string {
  const slug = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "");
  return [
    i.type === "pain" ? "pain-point" : i.type,
    ...(i.status ? [i.status.replace(/_/g, "-")] : []),
    ...(i.solutionStatus ? [i.solutionStatus.replace(/_/g, "-")] : []),
    ...(i.overdue ? ["overdue"] : []),
    `journey-${slug(i.mapTitle)}`,
  ].join(" ");
}

function description(i: PortfolioItem): string {
  const facts = [
    `Journey: ${i.mapTitle}, stage ${i.stageName}`,
    ...(i.impact ? [`Impact: ${i.impact}`] : []),
    ...(i.reach !== null
      ? [`Reach: ${Math.round(i.reach * 100)} %${i.reachSource ? ` (${i.reachSource})` : ""}`]
      : []),
    ...(i.score !== null ? [`Priority score${i.model === "rice" ? " (RICE)" : ""}: ${i.score}`] : []),
    ...(i.shipDate ? [`Shipped: ${i.shipDate}`] : []),
  ];
  return [i.text.trim(), "", ...facts].join("\n");
}

/**
 * The rows in the shape issue trackers import (`TRACKER_COLUMNS`): summary, description, assignee,
 * due date, labels (space-separated) and a link back to the map (`linkBase` + `/maps/<id>`).
 * The CSV and the XLSX export write these same cells.
 */
export function trackerRows(items: readonly PortfolioItem[], linkBase: string): string[][] {
  const base = linkBase.replace(/\/+$/, "");
  return items.map((i) => [
    i.summary,
    description(i),
    i.owner ?? "",
    i.dueDate ?? "",
    labels(i),
    `${base}/maps/${encodeURIComponent(i.mapId)}`,
  ]);
}

/** `trackerRows` as a CSV with a header row; CRLF line ends. */
export function toTrackerCsv(items: readonly PortfolioItem[], linkBase: string): string {
  const rows = trackerRows(items, linkBase);
  return `${[[...TRACKER_COLUMNS], ...rows].map((r) => r.map(csvCell).join(",")).join("\r\n")}\r\n`;
}
