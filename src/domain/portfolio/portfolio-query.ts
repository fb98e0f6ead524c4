import { z } from "zod";
import { type WorkStatus, WorkStatusSchema } from "../model/card.ts";
import { sameOwner } from "./attention.ts";
import { PORTFOLIO_TYPES, type PortfolioItem } from "./portfolio.ts";

/** Orders of the portfolio. */
export const PORTFOLIO_SORTS = ["priority", "due", "owner", "status", "map"] as const;
/** An order of the portfolio. */
export type PortfolioSort = (typeof PORTFOLIO_SORTS)[number];

/** Filters and order of the portfolio, as the API query and the CLI options give them. */
export const PortfolioFilterSchema = z.strictObject({
  /** Only pain points or only ideas. */
  type: z.enum(PORTFOLIO_TYPES).optional(),
  /** Only pain points of this work status. */
  status: WorkStatusSchema.optional(),
  /** Only pain points of this owner (case-insensitive). */
  owner: z.string().trim().min(1).max(200).optional(),
  /** Only rows of this map. */
  mapId: z.string().min(1).max(100).optional(),
  /** Only rows of maps with this persona. */
  personaId: z.string().min(1).max(100).optional(),
  /** Only overdue pain points (`true`/`1`). */
  overdue: z
    .enum(["true", "false", "1", "0"])
    .transform((v) => v === "true" || v === "1")
    .optional(),
  /** Order (default priority). */
  sort: z.enum(PORTFOLIO_SORTS).default("priority"),
});
/** Parsed portfolio filters. */
export type PortfolioFilter = z.output<typeof PortfolioFilterSchema>;

/** Rows matching every given filter. */
export function filterPortfolio(
  items: readonly PortfolioItem[],
  f: Partial<PortfolioFilter>,
): PortfolioItem[] {
  return items.filter(
    (i) =>
      (f.type === undefined || i.type === f.type) &&
      (f.status === undefined || i.status === f.status) &&
      (f.owner === undefined || sameOwner(i.owner, f.owner)) &&
      (f.mapId === undefined || i.mapId === f.mapId) &&
      (f.personaId === undefined || i.personaIds.includes(f.personaId)) &&
      (f.overdue === undefined || i.overdue === f.overdue),
  );
}

/** Compares with nulls last in both directions. */
function nullsLast<T>(a: T | null, b: T | null, cmp: (x: T, y: T) => number): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return cmp(a, b);
}
const text = (a: string, b: string) => a.localeCompare(b);
const STATUS_ORDER = ["open", "in_progress", "done", "wont_fix"] as const satisfies readonly WorkStatus[];

const BY: Record<PortfolioSort, (a: PortfolioItem, b: PortfolioItem) => number> = {
  priority: (a, b) =>
    nullsLast(a.score, b.score, (x, y) => y - x) || Number(b.overdue) - Number(a.overdue) || BY.due(a, b),
  due: (a, b) => nullsLast(a.dueDate, b.dueDate, text),
  owner: (a, b) => nullsLast(a.owner?.toLowerCase() ?? null, b.owner?.toLowerCase() ?? null, text),
  status: (a, b) =>
    nullsLast(a.status, b.status, (x, y) => STATUS_ORDER.indexOf(x) - STATUS_ORDER.indexOf(y)),
  map: (a, b) => text(a.mapTitle, b.mapTitle),
};

/** Rows in the given order; ties keep the input order (map, then stage and card order). */
export function sortPortfolio(items: readonly PortfolioItem[], sort: PortfolioSort): PortfolioItem[] {
  return items
    .map((item, pos) => ({ item, pos }))
    .sort((a, b) => BY[sort](a.item, b.item) || a.pos - b.pos)
    .map((x) => x.item);
}

/** Board columns: one per work status, then ideas (which have no status yet). */
export const BOARD_COLUMNS = [...STATUS_ORDER, "idea"] as const;

/** Rows per board column, each column in the given order of `items`. */
export function boardOf(
  items: readonly PortfolioItem[],
): { column: (typeof BOARD_COLUMNS)[number]; items: PortfolioItem[] }[] {
  return BOARD_COLUMNS.map((column) => ({
    column,
    items: items.filter((i) => (column === "idea" ? i.type === "idea" : i.status === column)),
  }));
}
