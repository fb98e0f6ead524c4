import { describe, expect, it } from "vitest";
import { prioritizePainPoints } from "../analysis/priority.ts";
import { applyCommands } from "../commands/apply.ts";
import { invertBatch } from "../commands/invert.ts";
import type { MapCommand } from "../commands/schema.ts";
import { sampleDoc, sequentialIds } from "../testing.ts";
import { fromYDoc } from "../ydoc/from-ydoc.ts";
import { parkingLotNoteCommands } from "./parking-lot.ts";
import { voteEvidenceTitle, voteResultCommands } from "./results.ts";

const NOW = "2026-12-02T09:00:00.000Z";

/** Two pain points of equal priority (abandon × 0.5) in s1 and s2, and an idea. */
function painMap() {
  const doc = sampleDoc();
  const pain = { impact: "abandon", reach: 0.5 };
  const cmds = [
    {
      type: "addCard",
      id: "p1",
      laneId: "l-pain_points",
      stageId: "s1",
      text: "Slow checkout",
      fields: pain,
    },
    { type: "addCard", id: "p2", laneId: "l-pain_points", stageId: "s2", text: "Hidden fees", fields: pain },
    { type: "addCard", id: "i1", laneId: "l-ideas", stageId: "s2", text: "Show fees early" },
    { type: "addCard", id: "n1", laneId: "l-actions", stageId: "s1", text: "Orders" },
  ] as MapCommand[];
  applyCommands(doc, cmds, { now: NOW, newId: sequentialIds() });
  return doc;
}

describe("what a revealed vote leaves on the map", () => {
  it("sets votes and a workshop evidence entry; votes break the priority tie; undo restores", () => {
    const doc = painMap();
    const before = fromYDoc(doc);
    expect(prioritizePainPoints(before).map((p) => p.card.id)).toEqual(["p1", "p2"]);
    const cmds = voteResultCommands(before, { totals: { p2: 7, i1: 2 }, voters: 9 }, "v1", "2026-12-02");
    expect(cmds.map((c) => c.type === "recordWorkshopVotes" && [c.cardId, c.votes])).toEqual([
      ["p2", 7],
      ["i1", 2],
    ]);
    applyCommands(doc, cmds, { now: NOW });
    const after = fromYDoc(doc);
    const p2 = after.cards.find((c) => c.id === "p2");
    expect(p2?.fields).toMatchObject({ votes: 7 });
    expect(p2?.confidence).toBe("observed");
    expect(p2?.evidence).toEqual([
      {
        id: "workshop-v1",
        kind: "workshop",
        title: "Workshop 2026-12-02: 7 votes of 9 participants",
        url: null,
        date: "2026-12-02",
        note: "",
      },
    ]);
    const ranked = prioritizePainPoints(after);
    expect(ranked.map((p) => [p.card.id, p.votes, p.score])).toEqual([
      ["p2", 7, 1.5],
      ["p1", 0, 1.5],
    ]);
    applyCommands(doc, invertBatch([before], cmds.slice(0, 1)), { now: NOW });
    expect(fromYDoc(doc).cards.find((c) => c.id === "p2")).toEqual(before.cards.find((c) => c.id === "p2"));
  });

  it("a later vote replaces the dots: cards without dots go back to 0, untouched cards are skipped", () => {
    const doc = painMap();
    applyCommands(
      doc,
      voteResultCommands(fromYDoc(doc), { totals: { p1: 3 }, voters: 3 }, "v1", "2026-12-01"),
      {
        now: NOW,
      },
    );
    const next = voteResultCommands(fromYDoc(doc), { totals: { p2: 1 }, voters: 1 }, "v2", "2026-12-02");
    expect(next).toEqual([
      { type: "recordWorkshopVotes", cardId: "p1", votes: 0, evidence: null },
      expect.objectContaining({ cardId: "p2", votes: 1 }),
    ]);
    applyCommands(doc, next, { now: NOW });
    const p1 = fromYDoc(doc).cards.find((c) => c.id === "p1");
    expect(p1?.fields).toMatchObject({ votes: 0 });
    expect(p1?.evidence.map((e) => e.title)).toEqual(["Workshop 2026-12-01: 3 votes of 3 participants"]);
    expect(voteEvidenceTitle("2026-12-02", 1, 1)).toBe("Workshop 2026-12-02: 1 vote of 1 participant");
  });

  it("refuses votes on a card that is neither a pain point nor an idea", () => {
    const doc = painMap();
    expect(() =>
      applyCommands(doc, [
        { type: "recordWorkshopVotes", cardId: "n1", votes: 2, evidence: null } as MapCommand,
      ]),
    ).toThrow(/not a pain point or idea/);
  });

  it("the parking lot lane is created with the first note and reused after", () => {
    const doc = painMap();
    const id = sequentialIds("pk");
    const first = parkingLotNoteCommands(fromYDoc(doc), null, { text: "Ask legal about fees" }, id);
    expect(first.commands.map((c) => c.type)).toEqual(["addLane", "addCard"]);
    applyCommands(doc, first.commands, { now: NOW });
    const second = parkingLotNoteCommands(
      fromYDoc(doc),
      first.laneId,
      { text: "Loyalty?", stageId: "s3" },
      id,
    );
    expect(second.commands.map((c) => c.type)).toEqual(["addCard"]);
    applyCommands(doc, second.commands, { now: NOW });
    const map = fromYDoc(doc);
    const lane = map.lanes.find((l) => l.id === first.laneId);
    expect(lane?.name).toBe("Parking lot");
    expect(map.cards.filter((c) => c.laneId === first.laneId).map((c) => [c.stageId, c.text])).toEqual([
      ["s1", "Ask legal about fees"],
      ["s3", "Loyalty?"],
    ]);
    expect(() => parkingLotNoteCommands(map, first.laneId, { text: "x", stageId: "nope" }, id)).toThrow(
      /no stage/,
    );
  });
});
