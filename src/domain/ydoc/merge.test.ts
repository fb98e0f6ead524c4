import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { applyCommands } from "../commands/apply.ts";
import { MapCommandSchema } from "../commands/schema.ts";
import { JourneyMapSchema } from "../model/journey-map.ts";
import { sampleDoc, sequentialIds } from "../testing.ts";
import { fromYDoc } from "./from-ydoc.ts";

/** Two replicas of one document, edited apart then synced both ways. */
function replicas(): [Y.Doc, Y.Doc] {
  const a = sampleDoc();
  const b = new Y.Doc();
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  return [a, b];
}
function sync(a: Y.Doc, b: Y.Doc): void {
  const ua = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
  const ub = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
  Y.applyUpdate(b, ua);
  Y.applyUpdate(a, ub);
}
let n = 0;
const edit = (doc: Y.Doc, ...cmds: unknown[]) =>
  applyCommands(
    doc,
    cmds.map((c) => MapCommandSchema.parse(c)),
    { newId: sequentialIds(`r${++n}`) },
  );

function expectConvergedValid(a: Y.Doc, b: Y.Doc) {
  sync(a, b);
  const ma = fromYDoc(a);
  expect(fromYDoc(b)).toEqual(ma);
  expect(JourneyMapSchema.safeParse(ma).success).toBe(true);
  return ma;
}

describe("concurrent edits merge into a valid map", () => {
  it("both replicas moving the same stage: one position wins, no duplicate", () => {
    const [a, b] = replicas();
    edit(a, { type: "moveStage", id: "s1", toIndex: 2 });
    edit(b, { type: "moveStage", id: "s1", toIndex: 1 });
    const m = expectConvergedValid(a, b);
    expect(m.stages.map((s) => s.id).sort()).toEqual(["s1", "s2", "s3"]);
  });

  it("different stages moved to the same place keep a stable total order", () => {
    const [a, b] = replicas();
    edit(a, { type: "moveStage", id: "s3", toIndex: 0 });
    edit(b, { type: "moveStage", id: "s2", toIndex: 0 });
    const m = expectConvergedValid(a, b);
    expect(m.stages.map((s) => s.id).slice(2)).toEqual(["s1"]);
    // a later insert between the tied keys still works
    edit(a, { type: "addStage", id: "sx", name: "Between", index: 1 });
    expect(fromYDoc(a).stages[1]?.id).toBe("sx");
  });

  it("a card added to a stage deleted concurrently disappears with the stage", () => {
    const [a, b] = replicas();
    edit(a, { type: "deleteStage", id: "s2" });
    edit(b, { type: "addCard", id: "c1", laneId: "l-actions", stageId: "s2", text: "orphan?" });
    const m = expectConvergedValid(a, b);
    expect(m.cards).toEqual([]);
    expect(m.stages.map((s) => s.id)).toEqual(["s1", "s3"]);
  });

  it("a card moved into a lane deleted concurrently disappears with the lane", () => {
    const [a, b] = replicas();
    edit(a, { type: "addCard", id: "c1", laneId: "l-actions", stageId: "s1" });
    sync(a, b);
    edit(a, { type: "deleteLane", id: "l-ideas" });
    edit(b, { type: "moveCard", id: "c1", laneId: "l-ideas", stageId: "s1" });
    expect(expectConvergedValid(a, b).cards).toEqual([]);
  });

  it("an idea linked to a pain point deleted concurrently loses only the link", () => {
    const [a, b] = replicas();
    edit(
      a,
      { type: "addCard", id: "p", laneId: "l-pain_points", stageId: "s1" },
      { type: "addCard", id: "i", laneId: "l-ideas", stageId: "s1" },
    );
    sync(a, b);
    edit(a, { type: "deleteCard", id: "p" });
    edit(b, { type: "updateCard", id: "i", fields: { painPointIds: ["p"] } });
    const m = expectConvergedValid(a, b);
    expect(m.cards).toHaveLength(1);
    expect(m.cards[0]?.fields).toMatchObject({ kind: "idea", painPointIds: [] });
  });

  it("concurrent typing in one card's text keeps both edits", () => {
    const [a, b] = replicas();
    edit(a, { type: "addCard", id: "c", laneId: "l-actions", stageId: "s1", text: "Orders pizza" });
    sync(a, b);
    edit(a, { type: "updateCard", id: "c", text: "Eva orders pizza" });
    edit(b, { type: "updateCard", id: "c", text: "Orders pizza online" });
    expect(expectConvergedValid(a, b).cards[0]?.text).toBe("Eva orders pizza online");
  });

  it("different fields of one card edited concurrently both survive", () => {
    const [a, b] = replicas();
    edit(a, { type: "addCard", id: "p", laneId: "l-pain_points", stageId: "s1" });
    sync(a, b);
    edit(a, { type: "updateCard", id: "p", fields: { owner: "Ops" } });
    edit(b, { type: "updateCard", id: "p", fields: { dueDate: "2027-01-31" } });
    expect(expectConvergedValid(a, b).cards[0]?.fields).toMatchObject({
      owner: "Ops",
      dueDate: "2027-01-31",
    });
  });

  it("a step deleted while a card is put into it leaves the card at stage level", () => {
    const [a, b] = replicas();
    edit(
      a,
      { type: "addStep", stageId: "s1", id: "st", name: "Step" },
      { type: "addCard", id: "c", laneId: "l-actions", stageId: "s1" },
    );
    sync(a, b);
    edit(a, { type: "deleteStep", stageId: "s1", id: "st" });
    edit(b, { type: "moveCard", id: "c", stageId: "s1", stepId: "st" });
    expect(expectConvergedValid(a, b).cards[0]).toMatchObject({ id: "c", stepId: null });
  });

  it("an emotion set while the scale shrinks is clamped into the new scale", () => {
    const [a, b] = replicas();
    edit(a, { type: "setEmotionScale", scale: { min: -2, max: 2, levels: [] }, convertPoints: false });
    edit(b, { type: "setEmotion", stageId: "s1", value: 3 });
    const m = expectConvergedValid(a, b);
    expect(m.emotionPoints[0]?.value).toBe(2);
  });

  it("random concurrent batches always converge to a valid map", () => {
    const ops = (id: string, i: number) => [
      { type: "addCard", id: `${id}c${i}`, laneId: "l-actions", stageId: ["s1", "s2", "s3"][i % 3] },
      { type: "moveStage", id: ["s1", "s2", "s3"][i % 3], toIndex: (i * 7) % 3 },
      { type: "addStage", id: `${id}s${i}`, name: `S${i}`, index: i % 4 },
      { type: "setEmotion", stageId: "s1", value: (i % 7) - 3 },
    ];
    const [a, b] = replicas();
    for (let i = 0; i < 30; i++) {
      for (const op of ops("a", i)) edit(a, op);
      for (const op of ops("b", i + 1)) edit(b, op);
      if (i % 5 === 4) edit(a, { type: "deleteStage", id: `as${i}` });
      if (i % 7 === 6) sync(a, b);
    }
    const m = expectConvergedValid(a, b);
    expect(m.cards.length).toBeGreaterThan(30);
  });
});
