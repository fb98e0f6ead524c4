import type * as Y from "yjs";
import { type MapId, newId } from "./model/ids.ts";
import { defaultProperties, type JourneyMap, type MapKind } from "./model/journey-map.ts";
import { toYDoc } from "./ydoc/to-ydoc.ts";

/** A new empty map (no stages, lanes or personas). */
export function createEmptyMap(
  title: string,
  kind: MapKind,
  opts: { id?: MapId; now?: string } = {},
): JourneyMap {
  const now = opts.now ?? new Date().toISOString();
  return {
    ...defaultProperties(title, kind),
    id: opts.id ?? newId<MapId>(),
    personaIds: [],
    phases: [],
    stages: [],
    lanes: [],
    cards: [],
    emotionPoints: [],
    activityRules: [],
    createdAt: now,
    updatedAt: now,
  };
}

/** The canonical document of a new empty map. */
export function createMapDoc(title: string, kind: MapKind, opts: { id?: MapId; now?: string } = {}): Y.Doc {
  return toYDoc(createEmptyMap(title, kind, opts));
}
