import { describe, expect, it } from "vitest";
import type * as Y from "yjs";
import { WaylineError } from "../errors.ts";
import { sampleDoc, sequentialIds } from "../testing.ts";
import { fromYDoc } from "../ydoc/from-ydoc.ts";
import { applyCommands } from "./apply.ts";
import { MapCommandSchema } from "./schema.ts";

const run = (doc: Y.Doc, ...cmds: unknown[]) =>
  applyCommands(
    doc,
    cmds.map((c) => MapCommandSchema.parse(c)),
    { now: "2026-02-01T00:00:00.000Z", newId: sequentialIds("n") },
  );

function errorOf(fn: () => unknown): WaylineError {
  try {
    fn();
  } catch (e) {
    if (e instanceof WaylineError) return e;
    throw e;
  }
  throw new Error("expected a WaylineError");
}

describe("stage commands", () => {
  it("adds, renames, moves and deletes stages in order", () => {
    const doc = sampleDoc();
    run(
      doc,
      { type: "addStage", id: "s0", name: "Need", index: 0 },
      { type: "renameStage", id: "s2", name: "Compare" },
    );
    expect(fromYDoc(doc).stages.map((s) => s.name)).toEqual(["Need", "Aware", "Compare", "Buy"]);
    run(doc, { type: "moveStage", id: "s0", toIndex: 3 });
    expect(fromYDoc(doc).stages.map((s) => s.name)).toEqual(["Aware", "Compare", "Buy", "Need"]);
    run(doc, { type: "moveStage", id: "s0", toIndex: 1 });
    expect(fromYDoc(doc).stages.map((s) => s.id)).toEqual(["s1", "s0", "s2", "s3"]);
  });

  it("deleting a stage deletes its cards and emotion points", () => {
    const doc = sampleDoc();
    run(
      doc,
      { type: "addCard", id: "c1", laneId: "l-actions", stageId: "s1", text: "Sees an ad" },
      { type: "addCard", id: "c2", laneId: "l-actions", stageId: "s2", text: "Reads reviews" },
      { type: "setEmotion", stageId: "s1", value: 2 },
    );
    run(doc, { type: "deleteStage", id: "s1" });
    const map = fromYDoc(doc);
    expect(map.cards.map((c) => c.id)).toEqual(["c2"]);
    expect(map.emotionPoints).toEqual([]);
  });

  it("groups stages into phases and splits them into steps", () => {
    const doc = sampleDoc();
    run(
      doc,
      { type: "addPhase", id: "p1", name: "Pre-sale" },
      { type: "updateStage", id: "s1", phaseId: "p1", momentOfTruth: true },
      { type: "addStep", stageId: "s3", id: "st1", name: "Checkout" },
      { type: "addStep", stageId: "s3", id: "st0", name: "Cart", index: 0 },
      { type: "addCard", id: "c1", laneId: "l-actions", stageId: "s3", stepId: "st1", text: "Pays" },
    );
    let map = fromYDoc(doc);
    expect(map.stages[0]).toMatchObject({ phaseId: "p1", momentOfTruth: true });
    expect(map.stages[2]?.steps.map((s) => s.name)).toEqual(["Cart", "Checkout"]);
    run(doc, { type: "deleteStep", stageId: "s3", id: "st1" }, { type: "deletePhase", id: "p1" });
    map = fromYDoc(doc);
    expect(map.cards[0]).toMatchObject({ id: "c1", stageId: "s3", stepId: null });
    expect(map.stages[0]?.phaseId).toBeNull();
  });
});

describe("card commands", () => {
  it("adds typed cards with defaults and validates field patches", () => {
    const doc = sampleDoc();
    run(doc, {
      type: "addCard",
      id: "p1",
      laneId: "l-pain_points",
      stageId: "s2",
      text: "Few reviews",
      fields: { impact: "abandon", reach: 0.3, owner: "Marketing" },
    });
    const card = fromYDoc(doc).cards[0];
    expect(card?.fields).toEqual({
      kind: "pain",
      impact: "abandon",
      reach: 0.3,
      owner: "Marketing",
      dueDate: null,
      status: "open",
      confidencePct: null,
      effortWeeks: null,
      votes: 0,
    });
    const err = errorOf(() => run(doc, { type: "updateCard", id: "p1", fields: { reach: 1.5 } }));
    expect(err.code).toBe("invalid_command");
    expect(err.details?.problems).toEqual([expect.objectContaining({ path: "commands[0].fields.reach" })]);
    const kindErr = errorOf(() => run(doc, { type: "updateCard", id: "p1", fields: { kind: "kpi" } }));
    expect(kindErr.message).toContain('holds "pain" cards');
  });

  it("updates fields one by one, keeping the others", () => {
    const doc = sampleDoc();
    run(doc, {
      type: "addCard",
      id: "t1",
      laneId: "l-touchpoints",
      stageId: "s1",
      fields: { channel: "web" },
    });
    run(doc, {
      type: "updateCard",
      id: "t1",
      fields: { ownerTeam: "Digital" },
      text: "Website",
      color: "#ffcc00",
    });
    const card = fromYDoc(doc).cards[0];
    expect(card).toMatchObject({
      text: "Website",
      color: "#ffcc00",
      fields: { channel: "web", ownerTeam: "Digital" },
    });
  });

  it("moves cards between cells and resets fields when the lane kind changes", () => {
    const doc = sampleDoc();
    run(
      doc,
      { type: "addCard", id: "a", laneId: "l-actions", stageId: "s1", text: "A" },
      { type: "addCard", id: "b", laneId: "l-actions", stageId: "s1", text: "B" },
      { type: "addCard", id: "c", laneId: "l-actions", stageId: "s2", text: "C" },
    );
    run(doc, { type: "moveCard", id: "c", stageId: "s1", toIndex: 0 });
    expect(fromYDoc(doc).cards.map((c) => c.id)).toEqual(["c", "a", "b"]);
    run(doc, { type: "moveCard", id: "a", laneId: "l-pain_points", stageId: "s3" });
    const a = fromYDoc(doc).cards.find((c) => c.id === "a");
    expect(a).toMatchObject({ laneId: "l-pain_points", stageId: "s3", text: "A", fields: { kind: "pain" } });
  });

  it("links ideas to pain points and drops links to deleted pain points", () => {
    const doc = sampleDoc();
    run(
      doc,
      { type: "addCard", id: "p", laneId: "l-pain_points", stageId: "s1" },
      {
        type: "addCard",
        id: "i",
        laneId: "l-ideas",
        stageId: "s1",
        fields: { painPointIds: ["p"], quickWin: true },
      },
    );
    expect(() => run(doc, { type: "updateCard", id: "i", fields: { painPointIds: ["i"] } })).toThrow(
      /no pain point card/,
    );
    run(doc, { type: "deleteCard", id: "p" });
    expect(fromYDoc(doc).cards[0]?.fields).toMatchObject({ kind: "idea", painPointIds: [] });
  });

  it("cites and removes evidence", () => {
    const doc = sampleDoc();
    const evidence = {
      id: "e1",
      kind: "interview",
      title: "Interview 4",
      url: null,
      date: "2026-01-10",
      note: "",
    };
    run(
      doc,
      { type: "addCard", id: "a", laneId: "l-actions", stageId: "s1" },
      { type: "addEvidence", cardId: "a", evidence },
    );
    expect(fromYDoc(doc).cards[0]?.evidence).toEqual([evidence]);
    expect(() => run(doc, { type: "addEvidence", cardId: "a", evidence })).toThrow(/already cites/);
    run(doc, { type: "removeEvidence", cardId: "a", evidenceId: "e1" });
    expect(fromYDoc(doc).cards[0]?.evidence).toEqual([]);
  });
});

describe("emotions and personas", () => {
  it("sets emotion points on the map's scale and converts them when the scale changes", () => {
    const doc = sampleDoc();
    run(
      doc,
      { type: "setEmotion", stageId: "s1", value: 3, reason: "Excited" },
      { type: "setEmotion", stageId: "s2", value: -3 },
    );
    expect(() => run(doc, { type: "setEmotion", stageId: "s3", value: 4 })).toThrow(/-3…3/);
    run(doc, { type: "setEmotionScale", scale: { min: 1, max: 5, levels: [] } });
    const map = fromYDoc(doc);
    expect(map.emotionScale).toMatchObject({ min: 1, max: 5 });
    expect(map.emotionPoints.map((p) => p.value)).toEqual([5, 1]);
  });

  it("keeps a detached persona's points hidden and restores them on re-attach", () => {
    const doc = sampleDoc();
    run(
      doc,
      { type: "attachPersona", personaId: "eva" },
      { type: "setEmotion", personaId: "eva", stageId: "s1", value: -1 },
    );
    expect(fromYDoc(doc).emotionPoints).toHaveLength(1);
    run(doc, { type: "detachPersona", personaId: "eva" });
    expect(fromYDoc(doc).emotionPoints).toHaveLength(0);
    run(doc, { type: "attachPersona", personaId: "eva" });
    expect(fromYDoc(doc).emotionPoints[0]).toMatchObject({ personaId: "eva", value: -1 });
    expect(() => run(doc, { type: "setEmotion", personaId: "bob", stageId: "s1", value: 0 })).toThrow(
      /not attached/,
    );
  });

  it("rejects cards in the emotion lane", () => {
    const doc = sampleDoc(["A"], ["emotion"]);
    expect(() => run(doc, { type: "addCard", laneId: "l-emotion", stageId: "s1" })).toThrow(
      /emotion points, not cards/,
    );
  });
});

describe("batches", () => {
  it("are atomic: a failing command leaves the map as it was", () => {
    const doc = sampleDoc();
    const before = fromYDoc(doc);
    const err = errorOf(() =>
      run(
        doc,
        { type: "renameStage", id: "s1", name: "Changed" },
        { type: "renameStage", id: "nope", name: "X" },
      ),
    );
    expect(err.message).toBe('commands[1].id: no stage with id "nope"');
    expect(fromYDoc(doc)).toEqual(before);
    expect(fromYDoc(doc).stages[0]?.name).toBe("Aware");
  });

  it("report created ids, reads and writes", () => {
    const doc = sampleDoc();
    const r = run(
      doc,
      { type: "addCard", laneId: "l-actions", stageId: "s1" },
      { type: "renameStage", id: "s2", name: "X" },
    );
    expect(r.created).toEqual(["n-1"]);
    expect(r.reads).toEqual(expect.arrayContaining(["lane:l-actions", "stage:s1"]));
    expect(r.writes).toEqual(["card:n-1", "stage:s2.name"]);
  });

  it("reject ids already in use and unknown command types", () => {
    const doc = sampleDoc();
    expect(() => run(doc, { type: "addStage", id: "s1", name: "Dup" })).toThrow(/already used/);
    expect(MapCommandSchema.safeParse({ type: "explode" }).success).toBe(false);
    expect(MapCommandSchema.safeParse({ type: "renameStage", id: "s1", name: "" }).success).toBe(false);
    expect(MapCommandSchema.safeParse({ type: "renameStage", id: "s1", name: "x", extra: 1 }).success).toBe(
      false,
    );
  });

  it("update the map's timestamp and properties", () => {
    const doc = sampleDoc();
    run(doc, {
      type: "setMapProperties",
      patch: { title: "New", goal: { metric: "NPS" }, tags: ["retail"] },
    });
    const map = fromYDoc(doc);
    expect(map).toMatchObject({
      title: "New",
      goal: { statement: "", metric: "NPS" },
      tags: ["retail"],
      updatedAt: "2026-02-01T00:00:00.000Z",
    });
  });
});
