import type { Locator, Page } from "playwright-core";

/** Page-level horizontal overflow: how far the document is wider than the viewport (0 = none). */
export async function pageOverflowX(page: Page): Promise<number> {
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    return root.scrollWidth - window.innerWidth;
  });
}

/** Elements matched by the selector whose text is wider or taller than their box (clipped text). */
export async function overflowingText(scope: Page | Locator, selector: string): Promise<string[]> {
  const within = "locator" in scope ? scope.locator(selector) : scope;
  return within.evaluateAll((els) =>
    els
      .filter((el) => {
        const e = el as HTMLElement;
        return e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1;
      })
      .map((el) => (el.textContent ?? "").trim()),
  );
}

/** Boxes of the matched elements in page coordinates. */
export async function boxes(
  scope: Locator,
): Promise<{ x: number; y: number; w: number; h: number; text: string }[]> {
  return scope.evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, w: r.width, h: r.height, text: (el.textContent ?? "").trim() };
    }),
  );
}

/** Pairs of boxes that overlap by more than a pixel in both directions. */
export function overlapping<T extends { x: number; y: number; w: number; h: number; text: string }>(
  list: readonly T[],
): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i < list.length; i++)
    for (let j = i + 1; j < list.length; j++) {
      const a = list[i] as T;
      const b = list[j] as T;
      const ox = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
      const oy = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
      if (ox > 1 && oy > 1) out.push([a.text, b.text]);
    }
  return out;
}

/** True when the inner box lies inside the outer one (1 px tolerance). */
export function inside(
  inner: { x: number; y: number; w: number; h: number },
  outer: { x: number; y: number; w: number; h: number },
): boolean {
  return (
    inner.x >= outer.x - 1 &&
    inner.y >= outer.y - 1 &&
    inner.x + inner.w <= outer.x + outer.w + 1 &&
    inner.y + inner.h <= outer.y + outer.h + 1
  );
}
