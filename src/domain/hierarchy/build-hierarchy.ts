import type { JourneyMap } from "../model/journey-map.ts";
import type { DataConversion } from "./conversion.ts";
import { childIdsOf, descendantsOf } from "./graph.ts";
import type { ChildRollup, HierarchyReport, ParentLink, StageRollup } from "./hierarchy-report.ts";
import { openPainPoints } from "./map-figures.ts";

/** What the hierarchy needs to know about the workspace's maps. */
export interface HierarchyInput {
  /** Every map of the workspace. */
  maps: readonly JourneyMap[];
  /** Health score of a map (workspace settings). */
  healthScore: (map: JourneyMap) => number;
  /** Data-backed conversion of a map, when it has a linked log. */
  conversion: (map: JourneyMap) => DataConversion | null;
}

/** Every stage of another map linking to `id`, ordered by map title then stage order. */
export function parentsOf(id: string, maps: readonly JourneyMap[]): ParentLink[] {
  return maps
    .filter((m) => m.id !== id)
    .flatMap((m) =>
      m.stages
        .filter((s) => s.subJourneyIds.includes(id as never))
        .map((s) => ({ mapId: m.id as string, title: m.title, stageId: s.id as string, stageName: s.name })),
    )
    .sort((a, b) => a.title.localeCompare(b.title));
}

/** Root first, ending at the direct parent; each map's first parent; stops at a cycle. */
export function breadcrumbOf(id: string, maps: readonly JourneyMap[]): ParentLink[] {
  const trail: ParentLink[] = [];
  const seen = new Set([id]);
  for (let at = parentsOf(id, maps)[0]; at && !seen.has(at.mapId); at = parentsOf(at.mapId, maps)[0]) {
    seen.add(at.mapId);
    trail.unshift(at);
  }
  return trail;
}

function childRollup(
  childId: string,
  byId: ReadonlyMap<string, JourneyMap>,
  input: HierarchyInput,
): ChildRollup {
  const child = byId.get(childId);
  if (!child)
    return {
      mapId: childId,
      title: "Deleted map",
      exists: false,
      kind: null,
      status: null,
      healthScore: null,
      openPainPoints: 0,
      descendants: 0,
      conversion: null,
    };
  const below = descendantsOf(childId, (id) => {
    const m = byId.get(id);
    return m ? childIdsOf(m) : undefined;
  }).filter((id) => byId.has(id));
  return {
    mapId: childId,
    title: child.title,
    exists: true,
    kind: child.kind,
    status: child.status,
    healthScore: input.healthScore(child),
    openPainPoints: [childId, ...below].reduce((n, id) => n + openPainPoints(byId.get(id) as JourneyMap), 0),
    descendants: below.length,
    conversion: input.conversion(child),
  };
}

/** Open pain points under a stage: its children and everything below them, each map once. */
function stageOpenPains(
  links: readonly string[],
  byId: ReadonlyMap<string, JourneyMap>,
  self: string,
): number {
  const ids = new Set<string>();
  for (const link of links) {
    if (!byId.has(link) || link === self) continue;
    ids.add(link);
    for (const id of descendantsOf(link, (x) =>
      byId.get(x) ? childIdsOf(byId.get(x) as JourneyMap) : undefined,
    ))
      if (byId.has(id) && id !== self) ids.add(id);
  }
  return [...ids].reduce((n, id) => n + openPainPoints(byId.get(id) as JourneyMap), 0);
}

/** The hierarchy report of `map` among the workspace's maps. Pure. */
export function buildHierarchy(map: JourneyMap, input: HierarchyInput): HierarchyReport {
  const byId = new Map(input.maps.map((m) => [m.id as string, m]));
  byId.set(map.id, map);
  const stages: StageRollup[] = map.stages
    .filter((s) => s.subJourneyIds.length > 0)
    .map((s) => {
      const children = s.subJourneyIds.map((id) => childRollup(id, byId, input));
      const scores = children.flatMap((c) => (c.healthScore === null ? [] : [c.healthScore]));
      return {
        stageId: s.id,
        stageName: s.name,
        children,
        healthScore: scores.length ? Math.min(...scores) : null,
        openPainPoints: stageOpenPains(s.subJourneyIds, byId, map.id),
      };
    });
  return {
    map: { mapId: map.id, title: map.title },
    parents: parentsOf(map.id, input.maps),
    breadcrumb: breadcrumbOf(map.id, input.maps),
    stages,
  };
}
