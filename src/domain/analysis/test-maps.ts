import { applyCommands } from "../commands/apply.ts";
import type { MapCommand } from "../commands/schema.ts";
import { createMapDoc } from "../factory.ts";
import type { EmotionScale } from "../model/emotion-scale.ts";
import type { MapId } from "../model/ids.ts";
import type { JourneyMap, MapKind } from "../model/journey-map.ts";
import { sequentialIds } from "../testing.ts";
import { fromYDoc } from "../ydoc/from-ydoc.ts";

/** Fixed clock of the analysis tests. */
export const TEST_NOW = "2026-01-01T00:00:00.000Z";

/** Options of `buildMap`. */
export interface BuildOptions {
  /** Map kind (default current_state). */
  kind?: MapKind;
  /** Stage names; stage ids are s1…sN (default five stages). */
  stages?: string[];
  /** Lane types; lane ids are l-<type>. */
  lanes?: string[];
  /** Map id (default map-1). */
  id?: string;
  /** Title (default "Test map"). */
  title?: string;
}

/** A map built through the real command path: stages s1…sN, lanes l-<type>, then `commands`. */
export function buildMap(commands: unknown[] = [], opts: BuildOptions = {}): JourneyMap {
  const doc = createMapDoc(opts.title ?? "Test map", opts.kind ?? "current_state", {
    id: (opts.id ?? "map-1") as MapId,
    now: TEST_NOW,
  });
  const stages = opts.stages ?? ["Aware", "Research", "Buy", "Use", "Support"];
  const setup = [
    ...stages.map((name, i) => ({ type: "addStage", id: `s${i + 1}`, name })),
    ...(opts.lanes ?? []).map((t) => ({ type: "addLane", id: `l-${t}`, laneType: t })),
  ];
  applyCommands(doc, [...setup, ...commands] as MapCommand[], { now: TEST_NOW, newId: sequentialIds("g") });
  return fromYDoc(doc);
}

/** Command adding a card to lane l-<laneType> at stage `stageId`. */
export function card(id: string, laneType: string, stageId: string, extra: Record<string, unknown> = {}) {
  return { type: "addCard", id, laneId: `l-${laneType}`, stageId, ...extra };
}

/** A map whose curve (no persona) has `values` at stages s1…sN, on `scale` (default −3…+3). */
export function curveMap(values: (number | null)[], scale?: EmotionScale, personaId?: string): JourneyMap {
  const cmds: unknown[] = [];
  if (scale) cmds.push({ type: "setEmotionScale", scale });
  if (personaId) cmds.push({ type: "attachPersona", personaId });
  values.forEach((v, i) => {
    if (v !== null)
      cmds.push({ type: "setEmotion", personaId: personaId ?? null, stageId: `s${i + 1}`, value: v });
  });
  return buildMap(cmds, { stages: values.map((_, i) => `Stage ${i + 1}`) });
}

/** Scale helper: an unlabelled integer range. */
export function scale(min: number, max: number): EmotionScale {
  return { min, max, levels: [] };
}
