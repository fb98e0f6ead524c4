/** One edit of a string: `[start, end)` of the base replaced by `insert`. */
interface Splice {
  start: number;
  end: number;
  insert: string;
}

/** The single splice turning `base` into `next` (common prefix and suffix kept). */
export function spliceOf(base: string, next: string): Splice {
  let start = 0;
  while (start < base.length && start < next.length && base[start] === next[start]) start++;
  let endBase = base.length;
  let endNext = next.length;
  while (endBase > start && endNext > start && base[endBase - 1] === next[endNext - 1]) {
    endBase--;
    endNext--;
  }
  return { start, end: endBase, insert: next.slice(start, endNext) };
}

/**
 * Three-way merge of a text: `mine` and `theirs` were both made from `base`. Edits in different
 * places are both kept; where they overlap, both insertions are kept (theirs first, as with two insertions at one place) and the
 * union of what either deleted is gone. Used when a card's text is committed after a
 * collaborator changed the same card while it was being typed.
 */
export function mergeText(base: string, mine: string, theirs: string): string {
  if (theirs === base || mine === theirs) return mine;
  if (mine === base) return theirs;
  const a = spliceOf(base, mine);
  const b = spliceOf(base, theirs);
  if (a.end <= b.start && a.start < b.start)
    return base.slice(0, a.start) + a.insert + base.slice(a.end, b.start) + b.insert + base.slice(b.end);
  if (b.end <= a.start)
    return base.slice(0, b.start) + b.insert + base.slice(b.end, a.start) + a.insert + base.slice(a.end);
  const start = Math.min(a.start, b.start);
  const end = Math.max(a.end, b.end);
  return base.slice(0, start) + b.insert + a.insert + base.slice(end);
}

/**
 * Where position `i` of `before` lands in `after` when the two differ by one splice (a caret kept
 * while a collaborator's text is merged in): before the splice it stays, after it shifts by the
 * change in length, inside the replaced part it goes to the end of the inserted text.
 */
export function movePosition(before: string, after: string, i: number): number {
  const sp = spliceOf(before, after);
  if (i <= sp.start) return i;
  if (i >= sp.end) return i + sp.insert.length - (sp.end - sp.start);
  return sp.start + sp.insert.length;
}
