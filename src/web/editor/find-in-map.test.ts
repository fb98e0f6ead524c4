import { describe, expect, it } from "vitest";
import { buildTemplate } from "../../domain/templates/index.ts";
import { sequentialIds } from "../../domain/testing.ts";
import { findEntries, findInMap, foldText, hitCountText, MAX_FIND_QUERY, stepHit } from "./find-in-map.ts";

const NOW = "2026-03-01T09:00:00.000Z";
const { map, personas } = buildTemplate("pizza-restaurant", { now: NOW, newId: sequentialIds("t") });
const entries = findEntries(map, personas);

describe("find in map: matching on the model", () => {
  it("folds case, accents and white space", () => {
    expect(foldText("  Café\n  CRÈME  brûlée ")).toBe("cafe creme brulee");
  });

  it("finds card text (all cards holding the word), in lane order then stage order", () => {
    const cards = findInMap(entries, "THE").filter((h) => h.target.kind === "card");
    expect(cards.length).toBeGreaterThan(5);
    for (const h of cards) expect(h.folded).toContain("the");
    const withText = map.cards.filter((c) => c.text.toLowerCase().includes("the")).map((c) => c.id);
    const found = cards.map((h) => (h.target.kind === "card" ? h.target.cardId : ""));
    for (const id of withText) expect(found).toContain(id);
    const laneIdx = (id: string) => map.lanes.findIndex((l) => l.id === id);
    const stageIdx = (id: string) => map.stages.findIndex((s) => s.id === id);
    const keys = cards.map((h) =>
      h.target.kind === "card" ? laneIdx(h.target.laneId) * 1000 + stageIdx(h.target.stageId) : 0,
    );
    expect(keys).toEqual([...keys].sort((a, b) => a - b));
    expect(new Set(keys).size).toBeGreaterThan(3);
  });

  it("finds stage names, lane names and the attached persona", () => {
    const stage = map.stages[2];
    const lane = map.lanes[1];
    const persona = personas.find((p) => map.personaIds.includes(p.id));
    if (!stage || !lane || !persona) throw new Error("template changed");
    expect(findInMap(entries, stage.name.toUpperCase()).map((h) => h.target)).toContainEqual({
      kind: "stage",
      stageId: stage.id,
    });
    expect(findInMap(entries, lane.name).map((h) => h.target)).toContainEqual({
      kind: "lane",
      laneId: lane.id,
    });
    const first = findInMap(entries, persona.name)[0];
    expect(first?.target).toEqual({ kind: "persona", personaId: persona.id });
  });

  it("needs every word, in any order, and finds nothing for blank queries", () => {
    const card = map.cards.find((c) => c.text.split(" ").length >= 4);
    if (!card) throw new Error("template changed");
    const [a, b, c] = card.text.split(" ");
    const reversed = findInMap(entries, `${c} ${b} ${a}`).map((h) => h.target);
    expect(reversed).toContainEqual(expect.objectContaining({ cardId: card.id }));
    expect(findInMap(entries, `${a} zzzqqq`)).toEqual([]);
    expect(findInMap(entries, "   ")).toEqual([]);
  });

  it("searches the typed fields of cards (a touchpoint's owner team)", () => {
    const tp = map.cards.find((c) => c.fields.kind === "touchpoint" && c.fields.ownerTeam);
    if (tp?.fields.kind !== "touchpoint" || !tp.fields.ownerTeam) throw new Error("template changed");
    const hits = findInMap(entries, tp.fields.ownerTeam).map((h) => h.target);
    expect(hits).toContainEqual(expect.objectContaining({ cardId: tp.id }));
  });

  it("ignores what lies beyond the query limit", () => {
    const stage = map.stages[0];
    if (!stage) throw new Error("template changed");
    const long = `${stage.name}${" ".repeat(MAX_FIND_QUERY)}zzzqqq`;
    expect(findInMap(entries, long).map((h) => h.target)).toContainEqual({
      kind: "stage",
      stageId: stage.id,
    });
  });
});

describe("find in map: stepping and the count", () => {
  it("wraps round both ways and starts at the first or last hit", () => {
    expect(stepHit(-1, 3, 1)).toBe(0);
    expect(stepHit(-1, 3, -1)).toBe(2);
    expect(stepHit(2, 3, 1)).toBe(0);
    expect(stepHit(0, 3, -1)).toBe(2);
    expect(stepHit(1, 3, 1)).toBe(2);
    expect(stepHit(0, 0, 1)).toBe(-1);
  });

  it("says n of m, no matches, or nothing before typing", () => {
    expect(hitCountText(0, 12, "pi")).toBe("1 of 12");
    expect(hitCountText(-1, 0, "zz")).toBe("No matches");
    expect(hitCountText(-1, 0, " ")).toBe("");
  });
});
