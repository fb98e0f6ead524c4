/** Deep equality of plain JSON values (what maps are made of). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => deepEqual(x, b[i]));
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/**
 * Structural sharing: `next` with every value that equals its counterpart in `prev` replaced by
 * the `prev` object. Entities in arrays are matched by `id` (emotion points by their position
 * key), so React.memo'd rows, cells and cards re-render only when their own data changed.
 */
export function reconcile<T>(prev: T, next: T): T {
  if (prev === next) return prev;
  if (Array.isArray(prev) && Array.isArray(next)) return reconcileArray(prev, next) as T;
  if (isPlain(prev) && isPlain(next)) {
    let same = Object.keys(prev).length === Object.keys(next).length;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(next)) {
      const v = reconcile(prev[k], next[k]);
      out[k] = v;
      if (v !== prev[k]) same = false;
    }
    return (same ? prev : out) as T;
  }
  return deepEqual(prev, next) ? prev : next;
}

const isPlain = (x: unknown): x is Record<string, unknown> =>
  typeof x === "object" && x !== null && !Array.isArray(x);

function keyOf(x: unknown): string | null {
  if (!isPlain(x)) return null;
  if (typeof x.id === "string") return x.id;
  if (typeof x.stageId === "string" && "personaId" in x) return `${x.personaId}|${x.stageId}|${x.stepId}`;
  return null;
}

function reconcileArray(prev: unknown[], next: unknown[]): unknown[] {
  const byKey = new Map<string, unknown>();
  for (const p of prev) {
    const k = keyOf(p);
    if (k) byKey.set(k, p);
  }
  let same = prev.length === next.length;
  const out = next.map((n, i) => {
    const k = keyOf(n);
    const p = k ? byKey.get(k) : prev[i];
    const v = p === undefined ? n : reconcile(p, n);
    if (v !== prev[i]) same = false;
    return v;
  });
  return same ? prev : out;
}
