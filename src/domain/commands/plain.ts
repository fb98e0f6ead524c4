import type { JourneyMap } from "../model/journey-map.ts";

/** Lists of a plain map whose items are addressed by `id`. */
export type EntityList = "phases" | "stages" | "lanes" | "cards";

/** The map with one item of a list replaced by `change(item)`, sharing the rest; null when absent. */
export function replaceEntity<K extends EntityList>(
  map: JourneyMap,
  key: K,
  id: string,
  change: (x: JourneyMap[K][number]) => JourneyMap[K][number],
): JourneyMap | null {
  const list = map[key] as JourneyMap[K][number][];
  const i = list.findIndex((x) => x.id === id);
  if (i < 0) return null;
  const next = list.slice();
  next[i] = change(list[i] as JourneyMap[K][number]);
  return { ...map, [key]: next };
}
