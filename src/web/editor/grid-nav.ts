/**
 * Arrow-key navigation of the map grid (WAI-ARIA grid pattern). Positions are `row:col`: row 0 is
 * the stage headers, col 0 the lane headers, cells are `lane + 1 : stage + 1`. Focus targets
 * carry `data-nav="r:c"` (headers, cells, emotion points); cards are reached inside their cell.
 */

/** Row and column of a navigation target. */
export function navPos(el: Element): { r: number; c: number } | null {
  const host = el.closest<HTMLElement>("[data-nav]");
  const [r, c] = (host?.dataset.nav ?? "").split(":").map(Number);
  return r === undefined || c === undefined || Number.isNaN(r) || Number.isNaN(c) ? null : { r, c };
}

/** The element to focus at (r, c): the `k`-th card of a cell (clamped), the cell when empty, or a header. */
export function navTarget(grid: HTMLElement, r: number, c: number, k: number | "last"): HTMLElement | null {
  const at = grid.querySelector<HTMLElement>(`[data-nav="${r}:${c}"]`);
  if (!at) return null;
  const cards = at.querySelectorAll<HTMLElement>(":scope .card");
  if (!cards.length) return at;
  return cards[k === "last" ? cards.length - 1 : Math.min(k, cards.length - 1)] ?? at;
}

/** Where an arrow key (or Home/End) goes from `from`, or null when it stays. */
export function nextTarget(
  grid: HTMLElement,
  from: HTMLElement,
  key: string,
  ctrl: boolean,
): HTMLElement | null {
  const pos = navPos(from);
  if (!pos) return null;
  const card = from.closest<HTMLElement>(".card");
  const cell = from.closest<HTMLElement>("[data-nav]");
  const cards = card && cell ? [...cell.querySelectorAll<HTMLElement>(":scope .card")] : [];
  const i = card ? cards.indexOf(card) : 0;
  const { r, c } = pos;
  switch (key) {
    case "ArrowUp":
      if (card && i > 0) return cards[i - 1] ?? null;
      return step(grid, r, c, -1, 0, "last");
    case "ArrowDown":
      if (card && i < cards.length - 1) return cards[i + 1] ?? null;
      return step(grid, r, c, 1, 0, 0);
    case "ArrowLeft":
      return step(grid, r, c, 0, -1, i);
    case "ArrowRight":
      return step(grid, r, c, 0, 1, i);
    case "Home":
      return ctrl ? navTarget(grid, 1, 1, 0) : navTarget(grid, r, r === 0 ? 1 : 0, 0);
    case "End": {
      const last = lastCol(grid);
      return ctrl ? navTarget(grid, lastRow(grid), last, 0) : navTarget(grid, r, last, 0);
    }
    default:
      return null;
  }
}

/** The first target found stepping from (r, c) by (dr, dc), skipping rows or columns without one. */
function step(grid: HTMLElement, r: number, c: number, dr: number, dc: number, k: number | "last") {
  const rows = lastRow(grid);
  const cols = lastCol(grid);
  for (let nr = r + dr, nc = c + dc; nr >= 0 && nr <= rows && nc >= 0 && nc <= cols; nr += dr, nc += dc) {
    if (nr === 0 && nc === 0) return null;
    const t = navTarget(grid, nr, nc, k);
    if (t) return t;
  }
  return null;
}

const lastRow = (grid: HTMLElement) => Number(grid.getAttribute("aria-rowcount") ?? 1) - 1;
const lastCol = (grid: HTMLElement) => Number(grid.getAttribute("aria-colcount") ?? 1) - 1;

/** Focus targets of the grid: headers, cells, cards and emotion points. */
export const NAV_SELECTOR = "[data-nav], .card";

/**
 * Makes `el` the grid's only Tab stop (roving tabindex): every other target keeps tabindex -1 as
 * rendered, so Tab enters the grid once and leaves it on the next press.
 */
export function makeTabStop(grid: HTMLElement, el: HTMLElement): void {
  for (const old of grid.querySelectorAll<HTMLElement>('[data-tabstop="1"]')) {
    if (old === el) continue;
    old.tabIndex = -1;
    delete old.dataset.tabstop;
  }
  el.tabIndex = 0;
  el.dataset.tabstop = "1";
}

/** Keeps one Tab stop after re-renders: the remembered target if still there, else the first card or cell. */
export function ensureTabStop(grid: HTMLElement): void {
  const current = grid.querySelector<HTMLElement>('[data-tabstop="1"]');
  if (current && current.tabIndex === 0) return;
  const first =
    current ??
    grid.querySelector<HTMLElement>(".card") ??
    grid.querySelector<HTMLElement>('[data-nav="1:1"]');
  if (first) makeTabStop(grid, first);
}
