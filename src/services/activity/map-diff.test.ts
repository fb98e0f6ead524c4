import { describe, expect, it } from "vitest";
import { applyCommands, fromYDoc, type JourneyMap, MapCommandSchema } from "../../domain/index.ts";
import { sampleDoc, sequentialIds } from "../../domain/testing.ts";
import { diffMaps, MAX_CHANGES_PER_EDIT, MAX_QUOTE, quote } from "./map-diff.ts";

/** The map before and after running `cmds` on the sample map (stages Aware, Research, Buy). */
function change(...cmds: unknown[]): [JourneyMap, JourneyMap] {
  const doc = sampleDoc(["Arrival", "Order", "Pay"]);
  applyCommands(
    doc,
    [{ type: "addCard", id: "c1", laneId: "l-actions", stageId: "s1", text: "Looks for parking" }].map((c) =>
      MapCommandSchema.parse(c),
    ),
    { newId: sequentialIds("x") },
  );
  const before = fromYDoc(doc);
  applyCommands(
    doc,
    cmds.map((c) => MapCommandSchema.parse(c)),
    { newId: sequentialIds("y"), now: "2026-02-01T00:00:00.000Z" },
  );
  return [before, fromYDoc(doc)];
}

describe("diffMaps: a map's changes in words", () => {
  it("names a renamed stage with its old and new name", () => {
    const out = diffMaps(...change({ type: "renameStage", id: "s1", name: "Finding the place" }));
    expect(out).toEqual([
      {
        kind: "stage.renamed",
        entityId: "s1",
        summary: "renamed stage “Arrival” → “Finding the place”",
        detail: { lead: "renamed stage", from: "Arrival", to: "Finding the place" },
      },
    ]);
  });

  it("tells added, edited, moved and removed cards with where they sit", () => {
    expect(
      diffMaps(
        ...change({ type: "addCard", id: "c2", laneId: "l-actions", stageId: "s2", text: "Orders a pizza" }),
      ).map((c) => c.summary),
    ).toEqual(["added card “Orders a pizza” in Actions × Order"]);
    expect(diffMaps(...change({ type: "updateCard", id: "c1", text: "Finds no parking" }))[0]).toMatchObject({
      kind: "card.edited",
      entityId: "c1",
      summary: "edited card “Looks for parking” → “Finds no parking”",
    });
    expect(diffMaps(...change({ type: "moveCard", id: "c1", stageId: "s3" })).map((c) => c.summary)).toEqual([
      "moved card “Looks for parking” to Actions × Pay",
    ]);
    expect(diffMaps(...change({ type: "deleteCard", id: "c1" })).map((c) => c.kind)).toEqual([
      "card.removed",
    ]);
  });

  it("tells map properties, stages added and moved, and nothing for an edit that changes nothing", () => {
    const [a, b] = change({ type: "setMapProperties", patch: { title: "Pizza night", status: "in_review" } });
    expect(diffMaps(a, b).map((c) => c.summary)).toEqual([
      "renamed the map “Sample” → “Pizza night”",
      "changed the status “Draft” → “In review”",
    ]);
    expect(diffMaps(...change({ type: "addStage", id: "s9", name: "Leave" })).map((c) => c.summary)).toEqual([
      "added stage “Leave”",
    ]);
    expect(diffMaps(a, a)).toEqual([]);
  });

  it("groups an edit with more than the limit of changes per kind", () => {
    const cards = Array.from({ length: MAX_CHANGES_PER_EDIT + 5 }, (_, i) => ({
      type: "addCard",
      id: `n${i}`,
      laneId: "l-ideas",
      stageId: "s2",
      text: `Idea ${i}`,
    }));
    const out = diffMaps(...change(...cards, { type: "renameStage", id: "s2", name: "Choose" }));
    expect(out.map((c) => c.summary)).toEqual([
      "renamed stage “Order” → “Choose”",
      `added ${MAX_CHANGES_PER_EDIT + 5} cards`,
    ]);
  });

  it("quotes user text on one line, bounded", () => {
    expect(quote("a\n  b")).toBe("“a b”");
    expect(quote("x".repeat(500))).toHaveLength(MAX_QUOTE + 2);
  });
});
