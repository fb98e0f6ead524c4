import { isBefore } from "../analysis/health/dates.ts";
import type { FieldsOf } from "../model/card.ts";

/**
 * True when a pain point is still open (open or in progress) and its due date lies before
 * `today` (YYYY-MM-DD). The single definition of "overdue" for the portfolio and the
 * needs-attention list; done and won't-fix pain points are never overdue.
 */
export function isOverdue(fields: Pick<FieldsOf<"pain">, "status" | "dueDate">, today: string): boolean {
  const open = fields.status === "open" || fields.status === "in_progress";
  return open && fields.dueDate !== null && isBefore(fields.dueDate, today);
}

/** Whole days from YYYY-MM-DD `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  const ms = Date.parse(`${to.slice(0, 10)}T00:00:00Z`) - Date.parse(`${from.slice(0, 10)}T00:00:00Z`);
  return Math.round(ms / 86_400_000);
}
