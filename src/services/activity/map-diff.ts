import { emotionKey, type JourneyMap, MAP_STATUS_LABELS } from "../../domain/index.ts";

/** One change of a map in words, before it is stored with its actor and time. */
export interface MapChange {
  /** `<entity>.<verb>`, e.g. "stage.renamed", "card.edited". */
  kind: string;
  /** The changed entity's id (the map's id for map properties and grouped changes). */
  entityId: string;
  /** The change in words, e.g. "renamed stage “Arrival” → “Finding the place”". */
  summary: string;
  /** `lead`, `from` and `to` of a before → after change (coalescing keeps the first `from`); else {}. */
  detail: Record<string, string>;
}

/** Most changes one edit is told as; beyond it they are grouped per kind ("added 120 cards"). */
export const MAX_CHANGES_PER_EDIT = 20;
/** Longest quoted text in a summary (characters); longer texts end with "…". */
export const MAX_QUOTE = 80;

/** A text as it is quoted in a summary: one line, at most `MAX_QUOTE` characters. */
export function quote(s: string): string {
  const line = s.replace(/\s+/g, " ").trim();
  return `“${line.length > MAX_QUOTE ? `${line.slice(0, MAX_QUOTE - 1)}…` : line}”`;
}

/** The summary of a before → after change: `<lead> “from” → “to”` (coalescing re-renders it). */
export function summaryOf(detail: { lead: string; from: string; to: string }): string {
  return `${detail.lead} ${quote(detail.from)} → ${quote(detail.to)}`;
}

function fromTo(kind: string, entityId: string, lead: string, from: string, to: string): MapChange {
  const detail = { lead, from, to };
  return { kind, entityId, summary: summaryOf(detail), detail };
}

type Named = { id: string; name: string; order: string };

function byId<T extends { id: string }>(xs: readonly T[]): Map<string, T> {
  return new Map(xs.map((x) => [x.id, x]));
}

/** Added, removed, renamed, moved and otherwise changed items of one ordered, named collection. */
function diffNamed<T extends Named>(
  noun: string,
  before: readonly T[],
  after: readonly T[],
  otherFields: (a: T, b: T) => string[],
): MapChange[] {
  const out: MapChange[] = [];
  const old = byId(before);
  const now = byId(after);
  const rank = (xs: readonly T[]) => new Map([...xs].map((x, i) => [x.id, i]));
  const oldRank = rank(before);
  const newRank = rank(after);
  for (const b of after) {
    const a = old.get(b.id);
    if (!a) {
      out.push({
        kind: `${noun}.added`,
        entityId: b.id,
        summary: `added ${noun} ${quote(b.name)}`,
        detail: {},
      });
      continue;
    }
    if (a.name !== b.name) out.push(fromTo(`${noun}.renamed`, b.id, `renamed ${noun}`, a.name, b.name));
    if (a.order !== b.order && oldRank.get(b.id) !== newRank.get(b.id))
      out.push({
        kind: `${noun}.moved`,
        entityId: b.id,
        summary: `moved ${noun} ${quote(b.name)}`,
        detail: {},
      });
    const fields = otherFields(a, b);
    if (fields.length > 0)
      out.push({
        kind: `${noun}.changed`,
        entityId: b.id,
        summary: `changed ${fields.join(", ")} of ${noun} ${quote(b.name)}`,
        detail: {},
      });
  }
  for (const a of before)
    if (!now.has(a.id))
      out.push({
        kind: `${noun}.removed`,
        entityId: a.id,
        summary: `removed ${noun} ${quote(a.name)}`,
        detail: {},
      });
  return out;
}

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

/** Names of the fields that differ, among `keys`, labelled for people. */
function changedFields<T>(a: T, b: T, labels: Partial<Record<keyof T, string>>): string[] {
  return (Object.keys(labels) as (keyof T)[])
    .filter((k) => !same(a[k], b[k]))
    .map((k) => labels[k] as string);
}

function diffProperties(a: JourneyMap, b: JourneyMap): MapChange[] {
  const out: MapChange[] = [];
  if (a.title !== b.title) out.push(fromTo("map.renamed", b.id, "renamed the map", a.title, b.title));
  if (a.status !== b.status)
    out.push(
      fromTo(
        "map.status",
        b.id,
        "changed the status",
        MAP_STATUS_LABELS[a.status],
        MAP_STATUS_LABELS[b.status],
      ),
    );
  const fields = changedFields(a, b, {
    kind: "kind",
    goal: "goal",
    scope: "scope",
    owner: "owner",
    lastReviewedAt: "last review date",
    reviewCadenceMonths: "review cadence",
    counterpartId: "counterpart map",
    tags: "tags",
    emotionScale: "emotion scale",
    personaIds: "personas",
    activityRules: "data rules",
  });
  if (fields.length > 0)
    out.push({
      kind: "map.changed",
      entityId: b.id,
      summary: `changed the map's ${fields.join(", ")}`,
      detail: {},
    });
  return out;
}

type Card = JourneyMap["cards"][number];

/** Where a card sits, in words: "Actions × Arrival". */
function placeOf(m: JourneyMap, c: Card): string {
  const lane = m.lanes.find((l) => l.id === c.laneId)?.name ?? "?";
  const stage = m.stages.find((s) => s.id === c.stageId)?.name ?? "?";
  return `${lane} × ${stage}`;
}

const cardName = (c: Card) => (c.text.trim() ? quote(c.text) : "(empty card)");

function diffCards(a: JourneyMap, b: JourneyMap): MapChange[] {
  const out: MapChange[] = [];
  const old = byId(a.cards);
  const now = byId(b.cards);
  for (const c of b.cards) {
    const p = old.get(c.id);
    if (!p) {
      out.push({
        kind: "card.added",
        entityId: c.id,
        summary: `added card ${cardName(c)} in ${placeOf(b, c)}`,
        detail: {},
      });
      continue;
    }
    if (p.text !== c.text) out.push(fromTo("card.edited", c.id, "edited card", p.text, c.text));
    if (p.laneId !== c.laneId || p.stageId !== c.stageId || p.stepId !== c.stepId)
      out.push({
        kind: "card.moved",
        entityId: c.id,
        summary: `moved card ${cardName(c)} to ${placeOf(b, c)}`,
        detail: {},
      });
    const fields = changedFields(p, c, {
      fields: "fields",
      color: "colour",
      confidence: "confidence",
      evidence: "evidence",
    });
    if (fields.length > 0)
      out.push({
        kind: "card.changed",
        entityId: c.id,
        summary: `changed ${fields.join(", ")} of card ${cardName(c)}`,
        detail: {},
      });
  }
  for (const p of a.cards)
    if (!now.has(p.id))
      out.push({ kind: "card.removed", entityId: p.id, summary: `removed card ${cardName(p)}`, detail: {} });
  return out;
}

type Point = JourneyMap["emotionPoints"][number];
/** The point's key in the document (so live edits of it are attributed by their write keys). */
const pointKey = (p: Point) => emotionKey(p.personaId, p.stageId, p.stepId);

function diffEmotions(a: JourneyMap, b: JourneyMap): MapChange[] {
  const out: MapChange[] = [];
  const old = new Map(a.emotionPoints.map((p) => [pointKey(p), p]));
  const now = new Map(b.emotionPoints.map((p) => [pointKey(p), p]));
  const stageName = (m: JourneyMap, id: string) => quote(m.stages.find((s) => s.id === id)?.name ?? "?");
  for (const [k, p] of now) {
    const q = old.get(k);
    if (q && same(q, p)) continue;
    const summary =
      !q || q.value !== p.value
        ? `set the emotion at stage ${stageName(b, p.stageId)} to ${p.value}`
        : `changed the emotion reason at stage ${stageName(b, p.stageId)}`;
    out.push({ kind: "emotion.set", entityId: k, summary, detail: {} });
  }
  for (const [k, q] of old)
    if (!now.has(k))
      out.push({
        kind: "emotion.removed",
        entityId: k,
        summary: `removed the emotion at stage ${stageName(a, q.stageId)}`,
        detail: {},
      });
  return out;
}

const NOUNS: Record<string, string> = {
  map: "map",
  phase: "phases",
  stage: "stages",
  lane: "lanes",
  card: "cards",
  emotion: "emotion points",
};

/** Too many changes for one line each: one line per kind with its count. */
function grouped(mapId: string, changes: MapChange[]): MapChange[] {
  const counts = new Map<string, number>();
  for (const c of changes) counts.set(c.kind, (counts.get(c.kind) ?? 0) + 1);
  return [...counts].map(([kind, n]) => {
    const [entity = "map", verb = "changed"] = kind.split(".");
    const noun = n === 1 ? entity : (NOUNS[entity] ?? `${entity}s`);
    const summary =
      n === 1 ? (changes.find((c) => c.kind === kind)?.summary ?? kind) : `${verb} ${n} ${noun}`;
    return {
      kind,
      entityId: n === 1 ? (changes.find((c) => c.kind === kind)?.entityId ?? mapId) : mapId,
      summary,
      detail: {},
    };
  });
}

/**
 * The changes from `before` to `after` in words, in reading order: map properties, phases,
 * stages, lanes, cards, emotions. View-only state (collapsed lanes) and the `updatedAt` stamp
 * are not changes. Pure; both maps are the plain form `fromYDoc` answers.
 */
export function diffMaps(before: JourneyMap, after: JourneyMap): MapChange[] {
  const changes = [
    ...diffProperties(before, after),
    ...diffNamed("phase", before.phases, after.phases, (a, b) => changedFields(a, b, { color: "colour" })),
    ...diffNamed("stage", before.stages, after.stages, (a, b) =>
      changedFields(a, b, {
        description: "description",
        momentOfTruth: "moment of truth",
        phaseId: "phase",
        steps: "steps",
        subJourneyIds: "sub-journeys",
      }),
    ),
    ...diffNamed("lane", before.lanes, after.lanes, (a, b) =>
      changedFields(a, b, { type: "type", personaId: "persona" }),
    ),
    ...diffCards(before, after),
    ...diffEmotions(before, after),
  ];
  return changes.length > MAX_CHANGES_PER_EDIT ? grouped(after.id, changes) : changes;
}
