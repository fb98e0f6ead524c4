/**
 * Wildcard matching without regular expressions: `*` any run of characters (also none), `?` exactly
 * one character, everything else literal; the whole name must match. Runs in O(|text| · |pattern|)
 * at worst and never backtracks over more than one `*` (the classic greedy segment algorithm: each
 * `*`-separated segment takes its leftmost fit, which is always safe because a later segment can
 * only move right). A hostile pattern such as `*a*a*a*a*a*a*a*a*b` therefore costs microseconds, not
 * the exponential time a backtracking regex engine spends on it.
 */
export function globMatch(pattern: string, text: string, ignoreCase = false): boolean {
  const p = chars(ignoreCase ? pattern.toLowerCase() : pattern);
  const t = chars(ignoreCase ? text.toLowerCase() : text);
  const segments = split(p);
  const first = segments[0] as string[];
  if (segments.length === 1) return t.length === first.length && fitsAt(first, t, 0);
  const last = segments[segments.length - 1] as string[];
  if (first.length + last.length > t.length) return false;
  if (!fitsAt(first, t, 0) || !fitsAt(last, t, t.length - last.length)) return false;
  let at = first.length;
  const end = t.length - last.length;
  for (let i = 1; i < segments.length - 1; i++) {
    const seg = segments[i] as string[];
    const found = leftmost(seg, t, at, end);
    if (found < 0) return false;
    at = found + seg.length;
  }
  return true;
}

/** Code points, so `?` is one character even outside the Basic Multilingual Plane. */
const chars = (s: string): string[] => Array.from(s);

/** The pattern's `*`-separated segments (consecutive stars give empty segments, which fit anywhere). */
function split(p: readonly string[]): string[][] {
  const out: string[][] = [[]];
  for (const c of p) {
    if (c === "*") out.push([]);
    else (out[out.length - 1] as string[]).push(c);
  }
  return out;
}

/** Whether the segment matches the text at `at` (`?` takes any one character). */
function fitsAt(seg: readonly string[], t: readonly string[], at: number): boolean {
  if (at < 0 || at + seg.length > t.length) return false;
  for (let i = 0; i < seg.length; i++) if (seg[i] !== "?" && seg[i] !== t[at + i]) return false;
  return true;
}

/** Leftmost start in [from, end - |seg|] where the segment fits, or -1. */
function leftmost(seg: readonly string[], t: readonly string[], from: number, end: number): number {
  for (let at = from; at + seg.length <= end; at++) if (fitsAt(seg, t, at)) return at;
  return -1;
}
