import type { JourneyMap } from "../model/journey-map.ts";

/** The maps a map's stages link to, each once, in stage then link order. */
export function childIdsOf(map: Pick<JourneyMap, "stages">): string[] {
  return [...new Set(map.stages.flatMap((s) => s.subJourneyIds as string[]))];
}

/**
 * The shortest chain of links from `from` to `to` (both included), or null when `to` cannot be
 * reached. `childrenOf` answers undefined for a map it does not know (deleted, other workspace),
 * which ends that branch. Cycle-safe: each map is visited once.
 */
export function findPath(
  from: string,
  to: string,
  childrenOf: (id: string) => readonly string[] | undefined,
): string[] | null {
  const previous = new Map<string, string | null>([[from, null]]);
  const queue = [from];
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i] as string;
    if (id === to) {
      const path: string[] = [];
      for (let at: string | null = id; at !== null; at = previous.get(at) ?? null) path.unshift(at);
      return path;
    }
    for (const child of childrenOf(id) ?? []) {
      if (previous.has(child)) continue;
      previous.set(child, id);
      queue.push(child);
    }
  }
  return null;
}

/** Every map below `root` (not `root` itself), each once, breadth first; cycle-safe. */
export function descendantsOf(
  root: string,
  childrenOf: (id: string) => readonly string[] | undefined,
): string[] {
  const seen = new Set([root]);
  const out: string[] = [];
  for (let i = -1; i < out.length; i++) {
    const id = i < 0 ? root : (out[i] as string);
    for (const child of childrenOf(id) ?? []) {
      if (seen.has(child)) continue;
      seen.add(child);
      out.push(child);
    }
  }
  return out;
}

/**
 * The message refusing a link `parent → child` that would close the cycle `path` (child … parent),
 * naming the maps by title: `linking "Checkout" under "Purchase" would make a cycle: Purchase →
 * Checkout → Payment → Purchase`.
 */
export function cycleMessage(
  parentId: string,
  path: readonly string[],
  title: (id: string) => string,
): string {
  const childId = path[0] as string;
  const chain = [parentId, ...path].map((id) => title(id)).join(" → ");
  return `linking “${title(childId)}” under “${title(parentId)}” would make a cycle: ${chain}`;
}
