import type { Card } from "../model/card.ts";
import type { StageId } from "../model/ids.ts";
import type { JourneyMap } from "../model/journey-map.ts";
import type { StageComparison } from "./compare-stages.ts";
import { orderedStages } from "./curve.ts";

/** What can differ between two matched cards. */
export type CardChange = "text" | "fields" | "confidence" | "evidence" | "color" | "lane" | "stage";

/** A card present in both maps. */
export interface CardPair {
  /** The card in the current map. */
  current: Card;
  /** The card in the future map. */
  future: Card;
  /** What differs (never empty: unchanged pairs are not reported). */
  changes: CardChange[];
}

/** Card differences in one stage (a matched, added or removed stage). */
export interface StageCardDiff {
  /** Stage name (the future name when the stage is in both maps). */
  stageName: string;
  /** The stage in the current map, null for an added stage. */
  currentStageId: StageId | null;
  /** The stage in the future map, null for a removed stage. */
  futureStageId: StageId | null;
  /** Cards only in the future map. */
  added: Card[];
  /** Cards only in the current map. */
  removed: Card[];
  /** Cards in both maps that differ; a card moved between stages is listed at its future stage. */
  changed: CardPair[];
}

const norm = (s: string) => s.trim().replace(/\s+/g, " ").toLowerCase();
const stable = (v: object) => JSON.stringify(v, Object.keys(v).sort());

function laneKeys(map: JourneyMap): Map<string, string> {
  return new Map(map.lanes.map((l) => [l.id as string, `${l.type}:${norm(l.name)}`]));
}

function laneType(map: JourneyMap, c: Card): string | undefined {
  return map.lanes.find((l) => l.id === c.laneId)?.type;
}

/** Pairs cards by id, then by lane type + stage + case-insensitive text among those left. */
function matchCards(current: JourneyMap, future: JourneyMap, toFuture: Map<string, string>): Map<Card, Card> {
  const byId = new Map<string, Card>(current.cards.map((c) => [c.id, c]));
  const pairs = new Map<Card, Card>();
  const used = new Set<Card>();
  for (const f of future.cards) {
    const c = byId.get(f.id);
    if (c) {
      pairs.set(f, c);
      used.add(c);
    }
  }
  for (const f of future.cards) {
    if (pairs.has(f) || norm(f.text) === "") continue;
    const c = current.cards.find(
      (x) =>
        !used.has(x) &&
        toFuture.get(x.stageId) === f.stageId &&
        laneType(current, x) === laneType(future, f) &&
        norm(x.text) === norm(f.text),
    );
    if (c) {
      pairs.set(f, c);
      used.add(c);
    }
  }
  return pairs;
}

function changesOf(
  c: Card,
  f: Card,
  ctx: { lanes: [Map<string, string>, Map<string, string>]; toFuture: Map<string, string> },
) {
  const out: CardChange[] = [];
  if (norm(c.text) !== norm(f.text)) out.push("text");
  if (stable(c.fields) !== stable(f.fields)) out.push("fields");
  if (c.confidence !== f.confidence) out.push("confidence");
  const ev = (x: Card) => x.evidence.map((e) => `${e.kind}|${e.title}|${e.date}|${e.url}`).join("\n");
  if (ev(c) !== ev(f)) out.push("evidence");
  if (c.color !== f.color) out.push("color");
  if (ctx.lanes[0].get(c.laneId) !== ctx.lanes[1].get(f.laneId)) out.push("lane");
  if (ctx.toFuture.get(c.stageId) !== f.stageId) out.push("stage");
  return out;
}

/** Groups keyed `f:<future stage id>` (matched and added stages) or `c:<current stage id>` (removed). */
function emptyGroups(future: JourneyMap, stages: StageComparison): Map<string, StageCardDiff> {
  const toCurrent = new Map<string, StageId>(stages.matched.map((p) => [p.future.id, p.current.id]));
  const groups = new Map<string, StageCardDiff>();
  const blank = { added: [], removed: [], changed: [] };
  for (const s of orderedStages(future))
    groups.set(`f:${s.id}`, {
      stageName: s.name,
      currentStageId: toCurrent.get(s.id) ?? null,
      futureStageId: s.id,
      ...structuredClone(blank),
    });
  for (const s of stages.removed)
    groups.set(`c:${s.id}`, {
      stageName: s.name,
      currentStageId: s.id,
      futureStageId: null,
      ...structuredClone(blank),
    });
  return groups;
}

/** Cards added, removed and changed per stage, in the future map's stage order, removed stages last. */
export function compareCards(
  current: JourneyMap,
  future: JourneyMap,
  stages: StageComparison,
): StageCardDiff[] {
  const toFuture = new Map<string, string>(stages.matched.map((p) => [p.current.id, p.future.id]));
  const groups = emptyGroups(future, stages);
  const pairs = matchCards(current, future, toFuture);
  const ctx = {
    lanes: [laneKeys(current), laneKeys(future)] as [Map<string, string>, Map<string, string>],
    toFuture,
  };
  for (const f of future.cards) {
    const group = groups.get(`f:${f.stageId}`);
    const c = pairs.get(f);
    if (!c) group?.added.push(f);
    else {
      const changes = changesOf(c, f, ctx);
      if (changes.length > 0) group?.changed.push({ current: c, future: f, changes });
    }
  }
  const matchedCurrent = new Set(pairs.values());
  for (const c of current.cards) {
    if (matchedCurrent.has(c)) continue;
    const target = toFuture.get(c.stageId);
    groups.get(target ? `f:${target}` : `c:${c.stageId}`)?.removed.push(c);
  }
  return [...groups.values()].filter((g) => g.added.length + g.removed.length + g.changed.length > 0);
}
