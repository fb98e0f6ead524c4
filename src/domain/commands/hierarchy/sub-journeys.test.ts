import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { WaylineError } from "../../errors.ts";
import { parseNativeDocument, toNativeDocument } from "../../format/native.ts";
import { MAX_SUB_JOURNEYS } from "../../model/structure.ts";
import { sampleDoc } from "../../testing.ts";
import { fromYDoc } from "../../ydoc/from-ydoc.ts";
import { toYDoc } from "../../ydoc/to-ydoc.ts";
import { applyCommands } from "../apply.ts";
import { invertCommand } from "../invert.ts";
import type { MapCommand } from "../registry.ts";

const now = "2026-12-01T00:00:00.000Z";
const run = (doc: Y.Doc, ...commands: unknown[]) => applyCommands(doc, commands as MapCommand[], { now });
const links = (doc: Y.Doc, stage = "s1") => fromYDoc(doc).stages.find((s) => s.id === stage)?.subJourneyIds;
const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(WaylineError);
    return (e as WaylineError).message;
  }
  throw new Error("expected a refusal");
};

describe("sub-journey links", () => {
  it("links maps to a stage in order, at an index, and unlinks them", () => {
    const doc = sampleDoc();
    run(doc, { type: "linkSubJourney", stageId: "s1", mapId: "child-b" });
    run(doc, { type: "linkSubJourney", stageId: "s1", mapId: "child-a", index: 0 });
    expect(links(doc)).toEqual(["child-a", "child-b"]);
    expect(links(doc, "s2")).toEqual([]);
    run(doc, { type: "unlinkSubJourney", stageId: "s1", mapId: "child-a" });
    expect(links(doc)).toEqual(["child-b"]);
  });

  it("refuses the map itself, a second link to the same map, a missing stage and the limit", () => {
    const doc = sampleDoc();
    expect(refusal(() => run(doc, { type: "linkSubJourney", stageId: "s1", mapId: "map-1" }))).toBe(
      "commands[0].mapId: a map cannot be its own sub-journey",
    );
    run(doc, { type: "linkSubJourney", stageId: "s1", mapId: "child-a" });
    expect(refusal(() => run(doc, { type: "linkSubJourney", stageId: "s1", mapId: "child-a" }))).toContain(
      "already links",
    );
    expect(refusal(() => run(doc, { type: "linkSubJourney", stageId: "nope", mapId: "x" }))).toContain(
      'commands[0].stageId: no stage with id "nope"',
    );
    expect(refusal(() => run(doc, { type: "unlinkSubJourney", stageId: "s2", mapId: "child-a" }))).toContain(
      "does not link",
    );
    for (let i = 1; i < MAX_SUB_JOURNEYS; i++)
      run(doc, { type: "linkSubJourney", stageId: "s1", mapId: `m${i}` });
    expect(refusal(() => run(doc, { type: "linkSubJourney", stageId: "s1", mapId: "one-more" }))).toContain(
      `at most ${MAX_SUB_JOURNEYS}`,
    );
    expect(links(doc)).toHaveLength(MAX_SUB_JOURNEYS);
  });

  it("concurrent links of two maps to one stage both stay", () => {
    const a = sampleDoc();
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    run(a, { type: "linkSubJourney", stageId: "s1", mapId: "child-a" });
    run(b, { type: "linkSubJourney", stageId: "s1", mapId: "child-b" });
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(links(a)?.slice().sort()).toEqual(["child-a", "child-b"]);
    expect(links(a)).toEqual(links(b));
  });

  it("undo of a stage deletion brings its links back in order", () => {
    const doc = sampleDoc();
    run(
      doc,
      { type: "linkSubJourney", stageId: "s2", mapId: "child-a" },
      { type: "linkSubJourney", stageId: "s2", mapId: "child-b" },
    );
    const before = fromYDoc(doc);
    const del = { type: "deleteStage", id: "s2" } as MapCommand;
    run(doc, del);
    applyCommands(doc, invertCommand(before, del), { now });
    expect(links(doc, "s2")).toEqual(["child-a", "child-b"]);
  });

  it("files and documents without links read as none; links survive the native format and toYDoc", () => {
    const doc = sampleDoc();
    run(doc, { type: "linkSubJourney", stageId: "s3", mapId: "child-a" });
    const file = toNativeDocument(fromYDoc(doc), [], now);
    const back = parseNativeDocument(JSON.parse(JSON.stringify(file)));
    expect(back.map.stages[2]?.subJourneyIds).toEqual(["child-a"]);
    expect(fromYDoc(toYDoc(back.map)).stages[2]?.subJourneyIds).toEqual(["child-a"]);
    const old = JSON.parse(JSON.stringify(file));
    for (const s of old.map.stages) delete s.subJourneyIds;
    expect(parseNativeDocument(old).map.stages.every((s) => s.subJourneyIds.length === 0)).toBe(true);
  });

  it("a file linking the map to itself is refused with the path", () => {
    const map = fromYDoc(sampleDoc());
    const file = JSON.parse(JSON.stringify(toNativeDocument(map, [], now)));
    file.map.stages[1].subJourneyIds = ["map-1"];
    expect(refusal(() => parseNativeDocument(file))).toContain("map.stages[1].subJourneyIds[0]");
  });
});
