import type { Card, EmotionPoint, JourneyMap, MapCommand } from "../../domain/index.ts";

/**
 * The map after a frequent, local command (rename, card text/fields, emotion point, collapse,
 * map properties) computed directly on the plain map, sharing every untouched object. Lets the
 * editor paint an edit within a frame; the same command then runs through `applyCommands` on the
 * Yjs document when the browser is idle, which stays the source of truth. Returns null when the
 * command is not one of these or does not obviously apply (the caller then takes the full path).
 */
export function fastPatch(map: JourneyMap, c: MapCommand): JourneyMap | null {
  switch (c.type) {
    case "renameStage":
      return replace(map, "stages", c.id, (s) => ({ ...s, name: c.name }));
    case "renameLane":
      return replace(map, "lanes", c.id, (l) => ({ ...l, name: c.name }));
    case "setLaneCollapsed":
      return replace(map, "lanes", c.id, (l) => ({ ...l, collapsed: c.collapsed }));
    case "renamePhase":
      return replace(map, "phases", c.id, (p) => ({ ...p, name: c.name }));
    case "updateCard":
      if (c.fields) return null; // typed fields are checked per kind: take the full path
      return replace(
        map,
        "cards",
        c.id,
        (card): Card => ({
          ...card,
          text: c.text ?? card.text,
          color: c.color === undefined ? card.color : c.color,
          confidence: c.confidence ?? card.confidence,
        }),
      );
    case "setEmotion":
      return setEmotion(map, c);
    case "setMapProperties": {
      const { goal, scope, ...rest } = c.patch;
      if (rest.title !== undefined && !rest.title.trim()) return null;
      return {
        ...map,
        ...rest,
        goal: goal ? { ...map.goal, ...goal } : map.goal,
        scope: scope ? { ...map.scope, ...scope } : map.scope,
      } as JourneyMap;
    }
    default:
      return null;
  }
}

function replace<K extends "stages" | "lanes" | "phases" | "cards">(
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

function setEmotion(map: JourneyMap, c: Extract<MapCommand, { type: "setEmotion" }>): JourneyMap | null {
  const { min, max } = map.emotionScale;
  if (c.value < min || c.value > max || !Number.isInteger(c.value)) return null;
  const personaId = c.personaId ?? null;
  const stepId = c.stepId ?? null;
  if (personaId && !map.personaIds.includes(personaId)) return null;
  if (!map.stages.some((s) => s.id === c.stageId)) return null;
  if (stepId) return null;
  const i = map.emotionPoints.findIndex(
    (p) => p.personaId === personaId && p.stageId === c.stageId && p.stepId === null,
  );
  const old = map.emotionPoints[i];
  const point: EmotionPoint = {
    personaId,
    stageId: c.stageId,
    stepId: null,
    value: c.value,
    emoji: c.emoji === undefined ? (old?.emoji ?? null) : c.emoji,
    reason: c.reason ?? old?.reason ?? "",
    isSample: false,
  };
  const points = map.emotionPoints.slice();
  if (i >= 0) points[i] = point;
  else points.push(point);
  return { ...map, emotionPoints: points };
}
