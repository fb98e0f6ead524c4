import { describe, expect, it } from "vitest";
import type * as Y from "yjs";
import { sampleDoc, sequentialIds } from "../testing.ts";
import { fromYDoc } from "../ydoc/from-ydoc.ts";
import { applyCommands } from "./apply.ts";
import { invertCommand } from "./invert.ts";
import { type MapCommand, MapCommandSchema } from "./schema.ts";

const run = (doc: Y.Doc, ...cmds: unknown[]) =>
  applyCommands(
    doc,
    cmds.map((c) => MapCommandSchema.parse(c)),
    { newId: sequentialIds("r") },
  );

function withTouchpoint() {
  const doc = sampleDoc();
  run(doc, {
    type: "addCard",
    id: "tp",
    laneId: "l-touchpoints",
    stageId: "s2",
    text: "Website",
    fields: { channel: "web" },
  });
  return doc;
}

describe("activity rules", () => {
  it("adds rules in order, linked to a stage or a touchpoint", () => {
    const doc = withTouchpoint();
    run(
      doc,
      { type: "addActivityRule", id: "a", match: "exact", pattern: "register request", stageId: "s1" },
      {
        type: "addActivityRule",
        id: "b",
        match: "wildcard",
        pattern: "check*",
        ignoreCase: true,
        stageId: "s2",
        touchpointId: "tp",
      },
      { type: "addActivityRule", id: "c", match: "regex", pattern: "^pay(ment)?$", stageId: "s3", index: 0 },
    );
    const rules = fromYDoc(doc).activityRules;
    expect(rules.map((r) => r.id)).toEqual(["c", "a", "b"]);
    expect(rules[2]).toMatchObject({
      match: "wildcard",
      ignoreCase: true,
      stageId: "s2",
      touchpointId: "tp",
    });
  });

  it("rejects broken regexes, unknown stages and touchpoints in another stage", () => {
    const doc = withTouchpoint();
    expect(() => run(doc, { type: "addActivityRule", match: "regex", pattern: "(", stageId: "s1" })).toThrow(
      /commands\[0\]\.pattern: not a valid regular expression/,
    );
    expect(() =>
      run(doc, { type: "addActivityRule", match: "exact", pattern: "x", stageId: "nope" }),
    ).toThrow(/no stage/);
    expect(() =>
      run(doc, { type: "addActivityRule", match: "exact", pattern: "x", stageId: "s1", touchpointId: "tp" }),
    ).toThrow(/another stage/);
    expect(
      MapCommandSchema.safeParse({ type: "addActivityRule", match: "glob", pattern: "x", stageId: "s1" })
        .success,
    ).toBe(false);
  });

  it("follow their touchpoint, and go with their stage", () => {
    const doc = withTouchpoint();
    run(doc, {
      type: "addActivityRule",
      id: "r",
      match: "exact",
      pattern: "visit",
      stageId: "s2",
      touchpointId: "tp",
    });
    run(doc, { type: "moveCard", id: "tp", stageId: "s3" });
    expect(fromYDoc(doc).activityRules[0]).toMatchObject({ stageId: "s3", touchpointId: "tp" });
    run(doc, { type: "deleteCard", id: "tp" });
    expect(fromYDoc(doc).activityRules[0]).toMatchObject({ stageId: "s3", touchpointId: null });
    run(doc, { type: "deleteStage", id: "s3" });
    expect(fromYDoc(doc).activityRules).toEqual([]);
  });

  it("updates, moves and deletes rules, and every change inverts", () => {
    const doc = withTouchpoint();
    run(
      doc,
      { type: "addActivityRule", id: "a", match: "exact", pattern: "A", stageId: "s1" },
      { type: "addActivityRule", id: "b", match: "exact", pattern: "B", stageId: "s2", touchpointId: "tp" },
    );
    const steps: MapCommand[] = [
      { type: "updateActivityRule", id: "a" as never, pattern: "A*", match: "wildcard" },
      { type: "updateActivityRule", id: "b" as never, stageId: "s3" as never },
      { type: "moveActivityRule", id: "b" as never, toIndex: 0 },
      { type: "deleteActivityRule", id: "a" as never },
      { type: "deleteStage", id: "s2" as never },
      { type: "deleteCard", id: "tp" as never },
    ];
    for (const cmd of steps) {
      const before = fromYDoc(doc);
      run(doc, cmd);
      run(doc, ...invertCommand(before, cmd));
      const after = fromYDoc(doc);
      expect(after.activityRules.map(({ order: _o, ...r }) => r)).toEqual(
        before.activityRules.map(({ order: _o, ...r }) => r),
      );
    }
  });
});
