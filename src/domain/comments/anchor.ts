import { z } from "zod";
import type { JourneyMap } from "../model/journey-map.ts";
import { text } from "../model/text.ts";

const id = text().min(1).max(200);

/** Where a comment thread is attached: a card, stage, lane, emotion point, or the whole map. */
export const CommentAnchorSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("map") }),
  z.strictObject({ kind: z.literal("card"), cardId: id }),
  z.strictObject({ kind: z.literal("stage"), stageId: id }),
  z.strictObject({ kind: z.literal("lane"), laneId: id }),
  /** A persona's emotion point at a stage (personaId null on maps without personas). */
  z.strictObject({ kind: z.literal("emotion"), stageId: id, personaId: id.nullable() }),
]);
/** Where a comment thread is attached. */
export type CommentAnchor = z.infer<typeof CommentAnchorSchema>;

/** A stable string for an anchor (grouping and counting threads per item). */
export function anchorKey(a: CommentAnchor): string {
  switch (a.kind) {
    case "map":
      return "map";
    case "card":
      return `card:${a.cardId}`;
    case "stage":
      return `stage:${a.stageId}`;
    case "lane":
      return `lane:${a.laneId}`;
    case "emotion":
      return `emotion:${a.stageId}:${a.personaId ?? ""}`;
  }
}

/** True when the anchored item still exists on the map (otherwise its threads are "Detached"). */
export function anchorExists(map: JourneyMap, a: CommentAnchor): boolean {
  switch (a.kind) {
    case "map":
      return true;
    case "card":
      return map.cards.some((c) => c.id === a.cardId);
    case "stage":
      return map.stages.some((s) => s.id === a.stageId);
    case "lane":
      return map.lanes.some((l) => l.id === a.laneId);
    case "emotion":
      return map.emotionPoints.some((p) => p.stageId === a.stageId && (p.personaId ?? null) === a.personaId);
  }
}

const clip = (s: string, n = 60) => {
  const line = s.split("\n")[0]?.trim() ?? "";
  return line.length > n ? `${line.slice(0, n - 1)}…` : line;
};

/**
 * A short plain-text label for an anchor, e.g. `Card “Finds no parking”`, `Stage “Arrival”`.
 * `null` when the anchor no longer exists (the caller keeps the label it stored earlier).
 */
export function anchorLabel(map: JourneyMap, a: CommentAnchor): string | null {
  switch (a.kind) {
    case "map":
      return "Whole map";
    case "card": {
      const c = map.cards.find((x) => x.id === a.cardId);
      return c ? `Card “${clip(c.text) || "Empty card"}”` : null;
    }
    case "stage": {
      const s = map.stages.find((x) => x.id === a.stageId);
      return s ? `Stage “${clip(s.name)}”` : null;
    }
    case "lane": {
      const l = map.lanes.find((x) => x.id === a.laneId);
      return l ? `Lane “${clip(l.name)}”` : null;
    }
    case "emotion": {
      const s = map.stages.find((x) => x.id === a.stageId);
      if (!s || !anchorExists(map, a)) return null;
      return `Emotion at “${clip(s.name)}”`;
    }
  }
}
