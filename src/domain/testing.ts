import type * as Y from "yjs";
import { applyCommands } from "./commands/apply.ts";
import type { MapCommand } from "./commands/schema.ts";
import { createMapDoc } from "./factory.ts";
import type { MapId } from "./model/ids.ts";

/** Deterministic id factory for tests: prefix-1, prefix-2 … */
export function sequentialIds(prefix = "id"): () => string {
  let n = 0;
  return () => `${prefix}-${++n}`;
}

/** A small map document for tests: stages s1..sN, lanes of the given types (ids l-<type>). */
export function sampleDoc(
  stageNames = ["Aware", "Research", "Buy"],
  laneTypes: string[] = ["actions", "touchpoints", "pain_points", "ideas"],
): Y.Doc {
  const doc = createMapDoc("Sample", "current_state", {
    id: "map-1" as MapId,
    now: "2026-01-01T00:00:00.000Z",
  });
  const cmds = [
    ...stageNames.map((name, i) => ({ type: "addStage", id: `s${i + 1}`, name })),
    ...laneTypes.map((t) => ({ type: "addLane", id: `l-${t}`, laneType: t })),
  ] as MapCommand[];
  applyCommands(doc, cmds, { now: "2026-01-01T00:00:00.000Z", newId: sequentialIds() });
  return doc;
}
