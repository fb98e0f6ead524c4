import { z } from "zod";
import { SolutionStatusSchema, type WorkStatus, WorkStatusSchema } from "../model/card.ts";
import { text } from "../model/text.ts";
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
  /** Only pain points of this work status, or solutions of this solution status. */
  status: z.union([WorkStatusSchema, SolutionStatusSchema]).optional(),
  /** Only pain points of this owner (case-insensitive). */
  owner: text().trim().min(1).max(200).optional(),
  /** Only rows of this map. */
  mapId: text().min(1).max(100).optional(),
  /** Only rows of maps with this persona. */
  personaId: text().min(1).max(100).optional(),
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
      (f.status === undefined || i.status === f.status || i.solutionStatus === f.status) &&
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
const byText = (a: string, b: string) => a.localeCompare(b);
const STATUS_ORDER = ["open", "in_progress", "done", "wont_fix"] as const satisfies readonly WorkStatus[];

const BY: Record<PortfolioSort, (a: PortfolioItem, b: PortfolioItem) => number> = {
  priority: (a, b) =>
    nullsLast(a.score, b.score, (x, y) => y - x) || Number(b.overdue) - Number(a.overdue) || BY.due(a, b),
  due: (a, b) => nullsLast(a.dueDate, b.dueDate, byText),
  owner: (a, b) => nullsLast(a.owner?.toLowerCase() ?? null, b.owner?.toLowerCase() ?? null, byText),
  status: (a, b) =>
    nullsLast(a.status, b.status, (x, y) => STATUS_ORDER.indexOf(x) - STATUS_ORDER.indexOf(y)),
  map: (a, b) => byText(a.mapTitle, b.mapTitle),
};

/** Rows in the given order; ties keep the input order (map, then stage and card order). */
export function sortPortfolio(items: readonly PortfolioItem[], sort: PortfolioSort): PortfolioItem[] {
  return items
    .map((item, pos) => ({ item, pos }))
    .sort((a, b) => BY[sort](a.item, b.item) || a.pos - b.pos)
    .map((x) => x.item);
}

/** Boards of the portfolio: pain points by work status (then ideas), or solutions by status. */
export const BOARDS = {
  /** One column per work status, then ideas (which have no status yet). */
  pains: [...STATUS_ORDER, "idea"],
  /** One column per solution status. */
  solutions: SolutionStatusSchema.options,
} as const;
/** A board of the portfolio. */
export type BoardKind = keyof typeof BOARDS;
/** A column of a board. */
export type BoardColumn = (typeof BOARDS)[BoardKind][number];

function inColumn(kind: BoardKind, column: BoardColumn, i: PortfolioItem): boolean {
  if (kind === "solutions") return i.type === "solution" && i.solutionStatus === column;
  return column === "idea" ? i.type === "idea" : i.type === "pain" && i.status === column;
}

/** Rows per column of a board, each column in the given order of `items`. */
export function boardOf(
  items: readonly PortfolioItem[],
  kind: BoardKind = "pains",
): { column: BoardColumn; items: PortfolioItem[] }[] {
  return BOARDS[kind].map((column) => ({ column, items: items.filter((i) => inColumn(kind, column, i)) }));
}
