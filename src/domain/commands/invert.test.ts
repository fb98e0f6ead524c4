import { describe, expect, it } from "vitest";
import type * as Y from "yjs";
import type { JourneyMap } from "../model/journey-map.ts";
import { buildTemplate } from "../templates/index.ts";
import { sampleDoc, sequentialIds } from "../testing.ts";
import { fromYDoc } from "../ydoc/from-ydoc.ts";
import { toYDoc } from "../ydoc/to-ydoc.ts";
import { applyCommands } from "./apply.ts";
import { visible } from "./arbitrary.ts";
import { invertBatch, invertCommand } from "./invert.ts";
import { type MapCommand, MapCommandSchema } from "./schema.ts";

const now = "2026-03-01T00:00:00.000Z";

function pizzaDoc(): Y.Doc {
  const { map } = buildTemplate("pizza-restaurant", { now, newId: sequentialIds("t") });
  return toYDoc(map);
}

function roundTrip(build: (m: JourneyMap) => unknown[]) {
  const doc = pizzaDoc();
  const before = fromYDoc(doc);
  const cmds = build(before).map((c) => MapCommandSchema.parse(c));
  const states: JourneyMap[] = [];
  for (const c of cmds) {
    states.push(fromYDoc(doc));
    applyCommands(doc, [c], { now, newId: sequentialIds("n") });
  }
  const changed = fromYDoc(doc);
  expect(visible(changed)).not.toEqual(visible(before));
  applyCommands(doc, invertBatch(states, cmds), { now, newId: sequentialIds("u") });
  expect(visible(fromYDoc(doc))).toEqual(visible(before));
}

const first = <T>(xs: readonly T[], i = 0): T => xs[i] as T;

describe("invertCommand restores the map a command changed", () => {
  it("stages: rename, move, update, delete (with its cards and emotion points), add", () => {
    roundTrip((m) => [{ type: "renameStage", id: first(m.stages).id, name: "Hearing about it" }]);
    roundTrip((m) => [{ type: "moveStage", id: first(m.stages).id, toIndex: 4 }]);
    roundTrip((m) => [
      { type: "updateStage", id: first(m.stages, 2).id, momentOfTruth: true, description: "x" },
    ]);
    roundTrip((m) => [{ type: "deleteStage", id: first(m.stages, 3).id }]);
    roundTrip(() => [{ type: "addStage", id: "new-stage", name: "Loyalty", index: 2 }]);
  });

  it("steps, phases and lanes", () => {
    roundTrip((m) => [
      { type: "addStep", stageId: first(m.stages).id, id: "st1", name: "Ask" },
      { type: "renameStep", stageId: first(m.stages).id, id: "st1", name: "Ask friends" },
    ]);
    roundTrip((m) => [
      { type: "addPhase", id: "ph", name: "Pre-sale" },
      { type: "updateStage", id: first(m.stages).id, phaseId: "ph" },
    ]);
    roundTrip((m) => [{ type: "deleteLane", id: first(m.lanes, 1).id }]);
    roundTrip((m) => [{ type: "moveLane", id: first(m.lanes).id, toIndex: 3 }]);
    roundTrip((m) => [{ type: "renameLane", id: first(m.lanes).id, name: "Doing" }]);
    roundTrip((m) => [{ type: "setLaneCollapsed", id: first(m.lanes).id, collapsed: true }]);
    roundTrip(() => [{ type: "addLane", id: "kpi-lane", laneType: "kpis" }]);
  });

  it("cards: add, update text and fields, move across lanes of another kind, delete, evidence", () => {
    const cardIn = (m: JourneyMap, kind: string) => {
      const c = m.cards.find((x) => x.fields.kind === kind);
      if (!c) throw new Error(`template has no ${kind} card`);
      return c;
    };
    roundTrip((m) => [
      { type: "addCard", id: "c-new", laneId: first(m.lanes).id, stageId: first(m.stages).id, text: "Hi" },
    ]);
    roundTrip((m) => [
      {
        type: "updateCard",
        id: cardIn(m, "pain").id,
        text: "New",
        color: "#ff0000",
        fields: { owner: "Ops", reach: 0.5 },
      },
    ]);
    roundTrip((m) => {
      const pain = cardIn(m, "pain");
      const noteLane = m.lanes.find((l) => l.type === "actions" || l.type === "thoughts");
      return [{ type: "moveCard", id: pain.id, laneId: noteLane?.id, stageId: first(m.stages, 6).id }];
    });
    roundTrip((m) => [{ type: "deleteCard", id: cardIn(m, "idea").id }]);
    roundTrip((m) => [
      {
        type: "addEvidence",
        cardId: cardIn(m, "pain").id,
        evidence: { id: "ev1", kind: "interview", title: "Interview 1", url: null, date: null, note: "" },
      },
    ]);
  });

  it("emotion points, scale, properties and personas", () => {
    roundTrip((m) => {
      const p = first(m.emotionPoints);
      return [
        { type: "setEmotion", personaId: p.personaId, stageId: p.stageId, value: p.value === 3 ? 2 : 3 },
      ];
    });
    roundTrip((m) => {
      const p = first(m.emotionPoints);
      return [{ type: "clearEmotion", personaId: p.personaId, stageId: p.stageId }];
    });
    roundTrip((m) => {
      const p = first(m.emotionPoints);
      const at = { personaId: p.personaId, stageId: p.stageId };
      return [
        { type: "clearEmotion", ...at },
        { type: "setEmotion", ...at, value: p.value === 0 ? 1 : 0, reason: "new point" },
      ];
    });
    roundTrip(() => [{ type: "setEmotionScale", scale: { min: 1, max: 5, levels: [] } }]);
    roundTrip(() => [
      {
        type: "setMapProperties",
        patch: { title: "Renamed", status: "in_review", goal: { statement: "Grow" } },
      },
    ]);
    roundTrip((m) => [{ type: "detachPersona", personaId: first(m.personaIds) }]);
  });

  it("gives nothing to undo for commands on entities that do not exist", () => {
    const m = fromYDoc(pizzaDoc());
    const cmd = { type: "renameStage", id: "nope", name: "x" } as MapCommand;
    expect(invertCommand(m, cmd)).toEqual([]);
  });
});

describe("phase and step commands apply and undo", () => {
  const names = (doc: Y.Doc) => fromYDoc(doc).phases.map((p) => p.name);
  const withPhasesAndSteps = () => {
    const doc = sampleDoc();
    const stage = first(fromYDoc(doc).stages).id;
    applyCommands(
      doc,
      [
        { type: "addPhase", id: "pa", name: "Before" },
        { type: "addPhase", id: "pb", name: "During" },
        { type: "addPhase", id: "pc", name: "After" },
        { type: "addStep", stageId: stage, id: "x", name: "X" },
        { type: "addStep", stageId: stage, id: "y", name: "Y" },
        { type: "addStep", stageId: stage, id: "z", name: "Z" },
      ].map((c) => MapCommandSchema.parse(c)),
      { now, newId: sequentialIds("p") },
    );
    return { doc, stage };
  };
  const steps = (doc: Y.Doc, stage: string) =>
    fromYDoc(doc)
      .stages.find((s) => s.id === stage)
      ?.steps.map((s) => s.id);

  it("renamePhase renames one phase, and its inverse restores the name", () => {
    const { doc } = withPhasesAndSteps();
    const before = fromYDoc(doc);
    const cmd: MapCommand = { type: "renamePhase", id: "pb" as never, name: "Eating" };
    applyCommands(doc, [cmd], { now });
    expect(names(doc)).toEqual(["Before", "Eating", "After"]);
    applyCommands(doc, invertCommand(before, cmd), { now });
    expect(names(doc)).toEqual(["Before", "During", "After"]);
  });

  it("movePhase moves a phase to an index, and its inverse moves it back", () => {
    const { doc } = withPhasesAndSteps();
    const before = fromYDoc(doc);
    const cmd: MapCommand = { type: "movePhase", id: "pa" as never, toIndex: 2 };
    applyCommands(doc, [cmd], { now });
    expect(names(doc)).toEqual(["During", "After", "Before"]);
    applyCommands(doc, invertCommand(before, cmd), { now });
    expect(names(doc)).toEqual(["Before", "During", "After"]);
  });

  it("moveStep moves a step inside its stage, and its inverse moves it back", () => {
    const { doc, stage } = withPhasesAndSteps();
    const before = fromYDoc(doc);
    const cmd = MapCommandSchema.parse({ type: "moveStep", stageId: stage, id: "z", toIndex: 0 });
    applyCommands(doc, [cmd], { now });
    expect(steps(doc, stage)).toEqual(["z", "x", "y"]);
    applyCommands(doc, invertCommand(before, cmd), { now });
    expect(steps(doc, stage)).toEqual(["x", "y", "z"]);
  });

  it("refuses to rename or move a phase or step that does not exist", () => {
    const { doc, stage } = withPhasesAndSteps();
    const bad = [
      { type: "renamePhase", id: "nope", name: "x" },
      { type: "movePhase", id: "nope", toIndex: 0 },
      { type: "moveStep", stageId: stage, id: "nope", toIndex: 0 },
    ];
    for (const c of bad)
      expect(() => applyCommands(doc, [MapCommandSchema.parse(c)], { now })).toThrow(
        /commands\[0\]\.id: no (phase|step) with id "nope"/,
      );
  });
});
