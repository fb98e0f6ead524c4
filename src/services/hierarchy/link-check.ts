import { childIdsOf, cycleMessage, findPath } from "../../domain/hierarchy/index.ts";
import { type JourneyMap, type MapCommand, WaylineError } from "../../domain/index.ts";

/** A sub-journey link about to be written, with the JSON path that names it in the request. */
export interface NewLink {
  /** The target (child) map. */
  mapId: string;
  /** Where the link sits in the request, e.g. `commands[2].mapId`. */
  path: string;
}

/** Reads a map of the workspace, or null when it is not there. */
export type MapLoader = (id: string) => Promise<JourneyMap | null>;

/** The links a command batch adds. */
export function linksInCommands(commands: readonly MapCommand[]): NewLink[] {
  return commands.flatMap((c, i) =>
    c.type === "linkSubJourney" ? [{ mapId: c.mapId, path: `commands[${i}].mapId` }] : [],
  );
}

/** The links a map carries, located in a native document (`map.stages[1].subJourneyIds[0]`). */
export function linksInMap(map: Pick<JourneyMap, "stages">): NewLink[] {
  return map.stages.flatMap((s, i) =>
    s.subJourneyIds.map((mapId, j) => ({ mapId, path: `map.stages[${i}].subJourneyIds[${j}]` })),
  );
}

/**
 * Refuses links of `parent` to maps that are not in the workspace (`load` answers null) or that
 * would close a cycle (the child already reaches the parent through its own sub-journeys:
 * A → B → A, or deeper). One `invalid_command` naming every problem with its path.
 */
export async function checkNewLinks(
  parent: Pick<JourneyMap, "id" | "title">,
  links: readonly NewLink[],
  load: MapLoader,
) {
  if (links.length === 0) return;
  const maps = new Map<string, JourneyMap | null>([[parent.id, parent as JourneyMap]]);
  const get = async (id: string) => {
    if (!maps.has(id)) maps.set(id, await load(id));
    return maps.get(id) ?? null;
  };
  const problems: { path: string; message: string }[] = [];
  for (const link of links) {
    if (link.mapId === parent.id) {
      problems.push({ path: link.path, message: "a map cannot be its own sub-journey" });
      continue;
    }
    const child = await get(link.mapId);
    if (!child) {
      problems.push({ path: link.path, message: `no journey map with id "${link.mapId}" in this workspace` });
      continue;
    }
    await loadReachable(child, get);
    const path = findPath(link.mapId, parent.id, (id) => {
      const m = maps.get(id);
      return id === parent.id ? [] : m ? childIdsOf(m) : undefined;
    });
    if (path)
      problems.push({
        path: link.path,
        message: cycleMessage(parent.id, path, (id) => maps.get(id)?.title ?? id),
      });
  }
  if (problems.length > 0)
    throw new WaylineError("invalid_command", problems.map((p) => `${p.path}: ${p.message}`).join("; "), {
      problems,
    });
}

/** Loads every map reachable from `root` through sub-journey links into the cache behind `get`. */
async function loadReachable(root: JourneyMap, get: (id: string) => Promise<JourneyMap | null>) {
  const seen = new Set([root.id as string]);
  const queue: JourneyMap[] = [root];
  while (queue.length > 0) {
    const map = queue.shift() as JourneyMap;
    for (const id of childIdsOf(map)) {
      if (seen.has(id)) continue;
      seen.add(id);
      const child = await get(id);
      if (child) queue.push(child);
    }
  }
}
