import { generateKeyBetween } from "fractional-indexing";

/** True when `key` is a well-formed fractional-index key (e.g. "a0", "a1V"). */
export function isOrderKey(key: string): boolean {
  try {
    generateKeyBetween(key, null);
    return /^[A-Za-z]/.test(key);
  } catch {
    return false;
  }
}

/** Anything ordered by a fractional-index key, ties broken by id. */
export interface Ordered {
  id: string;
  order: string;
}

/** Compares two ordered items: by key, then by id so concurrent equal keys still sort stably. */
export function compareOrdered(a: Ordered, b: Ordered): number {
  if (a.order !== b.order) return a.order < b.order ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Sorts a copy of the items by their order. */
export function sortOrdered<T extends Ordered>(items: readonly T[]): T[] {
  return [...items].sort(compareOrdered);
}

/**
 * Order key that puts a new item at `index` among `siblings` (already sorted, without the item).
 * `index` is clamped to 0…length; equal neighbouring keys (left by concurrent inserts) are skipped.
 */
export function keyAtIndex(siblings: readonly Ordered[], index: number): string {
  const i = Math.max(0, Math.min(Math.trunc(index), siblings.length));
  const before = i > 0 ? (siblings[i - 1]?.order ?? null) : null;
  let after: string | null = siblings[i]?.order ?? null;
  if (before !== null && after !== null && after <= before) {
    after = siblings.slice(i).find((s) => s.order > before)?.order ?? null;
  }
  return generateKeyBetween(before, after);
}

/** Order key after every sibling. */
export function keyAtEnd(siblings: readonly Ordered[]): string {
  return keyAtIndex(siblings, siblings.length);
}

/** `n` ascending keys for a fresh list. */
export function initialKeys(n: number): string[] {
  const keys: string[] = [];
  let prev: string | null = null;
  for (let i = 0; i < n; i++) {
    prev = generateKeyBetween(prev, null);
    keys.push(prev);
  }
  return keys;
}
