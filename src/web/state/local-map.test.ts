import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { applyCommands, fromYDoc, type JourneyMap, type MapCommand, toYDoc } from "../../domain/index.ts";
import { buildTemplate } from "../../domain/templates/index.ts";
import { sequentialIds } from "../../domain/testing.ts";
import { LocalMap } from "./local-map.ts";

function template(): JourneyMap {
  return buildTemplate("pizza-restaurant", { now: "2026-01-01T00:00:00.000Z", newId: sequentialIds("t") })
    .map;
}

/** A live-style local map over its own document, as the live session holds it. */
function live() {
  const doc = toYDoc(template());
  const local = new LocalMap(fromYDoc(doc), { doc, origin: Symbol("me") });
  return { doc, local };
}

describe("LocalMap settling fast-patched edits", () => {
  it("runs them on the document without reading the whole map back, and the map is the document's", () => {
    const { doc, local } = live();
    const [s0, s1] = local.map.stages;
    if (!s0 || !s1) throw new Error("template too small");
    const reads = local.fullReads;
    for (let i = 0; i < 10; i++) {
      local.apply([{ type: "setEmotion", stageId: s0.id, value: i % 2 ? 1 : -1, reason: "" } as MapCommand]);
      local.apply([{ type: "renameStage", id: s1.id, name: `Stage ${i}` }]);
      local.settle();
    }
    expect(local.fullReads).toBe(reads);
    expect(local.map).toEqual(fromYDoc(doc, { validate: false }));
    expect(local.map.stages[1]?.name).toBe("Stage 9");
  });

  it("reads the whole map when the document changed from elsewhere meanwhile (a collaborator)", () => {
    const { doc, local } = live();
    const [s0, s1] = local.map.stages;
    if (!s0 || !s1) throw new Error("template too small");
    local.apply([{ type: "renameStage", id: s0.id, name: "Mine" }]);
    // A collaborator's edit arrives as a Yjs update from another document.
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    applyCommands(other, [{ type: "renameStage", id: s1.id, name: "Theirs" }]);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, Y.encodeStateVector(doc)), "remote");
    const reads = local.fullReads;
    local.settle();
    expect(local.fullReads).toBe(reads + 1);
    expect(local.map.stages.map((s) => s.name).slice(0, 2)).toEqual(["Mine", "Theirs"]);
    expect(local.map).toEqual(fromYDoc(doc, { validate: false }));
  });
});
