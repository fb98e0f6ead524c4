import { describe, expect, it } from "vitest";
import { applyCommands } from "../commands/apply.ts";
import type { MapCommand } from "../commands/schema.ts";
import { sampleDoc, sequentialIds } from "../testing.ts";
import { fromYDoc } from "./from-ydoc.ts";
import { roots } from "./layout.ts";
import { toYDoc } from "./to-ydoc.ts";

/** A map with every kind of content, activity rules included. */
function richMap() {
  const doc = sampleDoc();
  const cmds: MapCommand[] = [
    { type: "addPhase", id: "p1", name: "Before" },
    { type: "updateStage", id: "s1", phaseId: "p1", momentOfTruth: true },
    { type: "addStep", stageId: "s2", id: "st1", name: "Compare" },
    { type: "addCard", id: "tp", laneId: "l-touchpoints", stageId: "s2", text: "Website" },
    { type: "addCard", id: "c1", laneId: "l-actions", stageId: "s1", text: "Asks friends" },
    { type: "addActivityRule", id: "r1", match: "exact", pattern: "register request", stageId: "s1" },
    {
      type: "addActivityRule",
      id: "r2",
      match: "wildcard",
      pattern: "check*",
      stageId: "s2",
      touchpointId: "tp",
    },
    {
      type: "addActivityRule",
      id: "r3",
      match: "regex",
      pattern: "^pay(ment)?$",
      stageId: "s3",
      ignoreCase: true,
    },
  ] as MapCommand[];
  applyCommands(doc, cmds, { now: "2026-01-02T00:00:00.000Z", newId: sequentialIds("x") });
  return fromYDoc(doc);
}

describe("toYDoc", () => {
  it("writes a map that reads back deep-equal, activity rules included", () => {
    const map = richMap();
    expect(map.activityRules).toHaveLength(3);
    expect(fromYDoc(toYDoc(map))).toEqual(map);
  });

  it("keeps rules in the rules root, not as a map property", () => {
    const doc = toYDoc(richMap());
    const r = roots(doc);
    expect([...r.rules.keys()].sort()).toEqual(["r1", "r2", "r3"]);
    expect(r.meta.has("activityRules")).toBe(false);
  });
});
