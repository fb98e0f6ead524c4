/**
 * Conflict detection for stale command batches (optimistic concurrency on the REST API).
 * Keys are hierarchical: `card:ID` covers `card:ID.text`; two keys collide when one equals the
 * other or is its prefix followed by a dot. A batch based on an old version conflicts when what it
 * reads or writes collides with what was written since.
 */
function collide(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return long.startsWith(`${short}.`);
}

/** Keys of `mine` (reads and writes) that collide with keys written by others since the base version. */
export function findConflicts(
  mine: { reads: readonly string[]; writes: readonly string[] },
  theirs: readonly string[],
): string[] {
  const out = new Set<string>();
  for (const key of [...mine.writes, ...mine.reads]) {
    for (const other of theirs) if (collide(key, other)) out.add(key);
  }
  return [...out];
}
