import type { Card, JourneyMap, Persona } from "../../domain/index.ts";

/** Longest search text accepted by "Find in map" (the input stops there). */
export const MAX_FIND_QUERY = 200;

/** What a hit points at, in the order the map reads: personas, stages, then lane by lane. */
export type FindTarget =
  | { kind: "persona"; personaId: string }
  | { kind: "stage"; stageId: string }
  | { kind: "lane"; laneId: string }
  | { kind: "card"; cardId: string; laneId: string; stageId: string };

/** One searchable thing of the map with its folded text. */
export interface FindEntry {
  target: FindTarget;
  /** Short words for the result line ("Card in Touchpoints, Aware"). */
  where: string;
  /** The searchable text, folded (see `foldText`). */
  folded: string;
}

/** Lower case, accents removed, runs of white space made one space: "Café  Crème" → "cafe creme". */
export function foldText(s: string): string {
  return s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();
}

/** The strings of a card's typed fields (owner, team, label, triggers …), numbers and flags left out. */
function fieldTexts(card: Card): string[] {
  const out: string[] = [];
  for (const [key, v] of Object.entries(card.fields)) {
    if (key === "kind") continue;
    if (typeof v === "string") out.push(v);
    else if (Array.isArray(v)) for (const x of v) if (typeof x === "string") out.push(x);
  }
  return out;
}

/** Persona texts a reader sees on the map's persona strip. */
const personaTexts = (p: Persona) => [p.name, p.role, p.quote];

/**
 * Every searchable thing of the map, in reading order: the attached personas (name, role,
 * quote), the stages left to right, then each lane (its name, then its cards by stage and by
 * their order in the cell). Searches the model, so cards the grid has not drawn are found too.
 */
export function findEntries(map: JourneyMap, personas: readonly Persona[]): FindEntry[] {
  const out: FindEntry[] = [];
  for (const id of map.personaIds) {
    const p = personas.find((x) => x.id === id);
    if (p)
      out.push({
        target: { kind: "persona", personaId: p.id },
        where: `Persona ${p.name}`,
        folded: foldText(personaTexts(p).join("\n")),
      });
  }
  const stageIndex = new Map(map.stages.map((s, i) => [s.id as string, i]));
  for (const s of map.stages)
    out.push({ target: { kind: "stage", stageId: s.id }, where: "Stage", folded: foldText(s.name) });
  const cardsOf = new Map<string, Card[]>();
  for (const c of map.cards) cardsOf.set(c.laneId, [...(cardsOf.get(c.laneId) ?? []), c]);
  for (const lane of map.lanes) {
    out.push({ target: { kind: "lane", laneId: lane.id }, where: "Lane", folded: foldText(lane.name) });
    const cards = (cardsOf.get(lane.id) ?? [])
      .filter((c) => stageIndex.has(c.stageId))
      .sort(
        (a, b) =>
          (stageIndex.get(a.stageId) ?? 0) - (stageIndex.get(b.stageId) ?? 0) ||
          (a.order < b.order ? -1 : a.order > b.order ? 1 : 0),
      );
    for (const c of cards) {
      const stage = map.stages[stageIndex.get(c.stageId) ?? 0];
      out.push({
        target: { kind: "card", cardId: c.id, laneId: lane.id, stageId: c.stageId },
        where: `${lane.name}, ${stage?.name ?? ""}`,
        folded: foldText([c.text, ...fieldTexts(c)].join("\n")),
      });
    }
  }
  return out;
}

/**
 * The entries whose text contains every word of the query (case and accents ignored, words in
 * any order); an empty query finds nothing. The query is cut at MAX_FIND_QUERY characters.
 */
export function findInMap(entries: readonly FindEntry[], query: string): FindEntry[] {
  const words = foldText(query.slice(0, MAX_FIND_QUERY)).split(" ").filter(Boolean);
  if (words.length === 0) return [];
  return entries.filter((e) => words.every((w) => e.folded.includes(w)));
}

/** The hit after (step 1) or before (step −1) `index`, wrapping round; −1 when there are none. */
export function stepHit(index: number, count: number, step: 1 | -1): number {
  if (count <= 0) return -1;
  if (index < 0) return step === 1 ? 0 : count - 1;
  return (index + step + count) % count;
}

/** "3 of 12", or "No matches" for a typed query that found nothing, or "" before typing. */
export function hitCountText(index: number, count: number, query: string): string {
  if (!query.trim()) return "";
  if (count === 0) return "No matches";
  return `${index + 1} of ${count}`;
}
