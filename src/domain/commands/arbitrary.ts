import fc from "fast-check";
import * as Y from "yjs";
import { WaylineError } from "../errors.ts";
import { createMapDoc } from "../factory.ts";
import type { MapId } from "../model/ids.ts";
import type { JourneyMap } from "../model/journey-map.ts";
import { LaneTypeSchema } from "../model/lane-types.ts";
import { buildTemplate } from "../templates/index.ts";
import { sampleDoc, sequentialIds } from "../testing.ts";
import { fromYDoc } from "../ydoc/from-ydoc.ts";
import { toYDoc } from "../ydoc/to-ydoc.ts";
import { applyCommands } from "./apply.ts";
import { COMMANDS, type MapCommand, MapCommandSchema, type MapCommandType } from "./registry.ts";

/**
 * fast-check generators of commands against a given map, for the property tests of the
 * commands (fast path, undo, convergence). Ids are mostly taken from the map, sometimes made up,
 * so that both the happy path and the refusals are exercised. Test-only: nothing else imports it.
 */

/** Every command type, in registry order. */
export const COMMAND_TYPES = Object.keys(COMMANDS) as MapCommandType[];

const MISSING = "missing";
const fresh = fc.integer({ min: 1, max: 999_999 }).map((n) => `g${n}`);
const text = fc.oneof(
  fc.constantFrom("Aware", "Buy", "Eva orders pizza", "  padded  ", "Ünïcode ✓"),
  fc.string({ minLength: 1, maxLength: 12 }),
);
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const position = fc.integer({ min: 0, max: 6 });

/** An element of `xs` most of the time, else `missing` (an id nobody has). */
function pick<T>(xs: readonly T[], missing: T): fc.Arbitrary<T> {
  if (!xs.length) return fc.constant(missing);
  return fc.oneof(
    { weight: 9, arbitrary: fc.constantFrom(...xs) },
    { weight: 1, arbitrary: fc.constant(missing) },
  );
}

/** Ids of the entities of a map that commands refer to. */
function idsOf(m: JourneyMap) {
  const steps = m.stages.flatMap((s) =>
    s.steps.map((st) => ({ stageId: s.id as string, id: st.id as string })),
  );
  return {
    phase: pick(
      m.phases.map((x) => x.id as string),
      MISSING,
    ),
    stage: pick(
      m.stages.map((x) => x.id as string),
      MISSING,
    ),
    step: pick(steps, { stageId: m.stages[0]?.id ?? MISSING, id: MISSING }),
    lane: pick(
      m.lanes.map((x) => x.id as string),
      MISSING,
    ),
    card: pick(
      m.cards.map((x) => x.id as string),
      MISSING,
    ),
    rule: pick(
      m.activityRules.map((x) => x.id as string),
      MISSING,
    ),
    persona: pick(m.personaIds as string[], "p-missing"),
    evidence: pick(
      m.cards.flatMap((c) => c.evidence.map((e) => ({ cardId: c.id as string, evidenceId: e.id as string }))),
      { cardId: m.cards[0]?.id ?? MISSING, evidenceId: MISSING },
    ),
    point: pick(
      m.emotionPoints.map((p) => ({
        personaId: p.personaId as string | null,
        stageId: p.stageId as string,
        stepId: p.stepId as string | null,
      })),
      { personaId: null, stageId: m.stages[0]?.id ?? MISSING, stepId: null },
    ),
  };
}

type Ids = ReturnType<typeof idsOf>;

/** Ids of the map's cards of one kind. */
function cardIdsOf(m: JourneyMap, kind: string): string[] {
  return m.cards.filter((c) => c.fields.kind === kind).map((c) => c.id as string);
}
type Gen = (ids: Ids, m: JourneyMap) => fc.Arbitrary<Record<string, unknown>>;

const place = (ids: Ids) =>
  fc.oneof(
    { weight: 3, arbitrary: ids.point },
    fc.record({
      personaId: fc.oneof(fc.constant(null), ids.persona),
      stageId: ids.stage,
      stepId: fc.constant(null),
    }),
    ids.step.map((s) => ({ personaId: null, stageId: s.stageId, stepId: s.id })),
  );

const GENERATORS: { [T in MapCommandType]: Gen } = {
  setMapProperties: () =>
    fc.record({
      patch: fc.record(
        {
          title: fc.oneof(text, fc.constant(" ")),
          status: fc.constantFrom("draft", "in_review", "published"),
          owner: fc.string({ maxLength: 8 }),
          goal: fc.record({ statement: fc.string({ maxLength: 8 }) }),
          scope: fc.record({ start: fc.string({ maxLength: 8 }) }, { requiredKeys: [] }),
          tags: fc.array(fc.constantFrom("b2c", "pilot"), { maxLength: 2 }),
        },
        { requiredKeys: [] },
      ),
    }),
  setEmotionScale: () =>
    fc.record({
      scale: fc.constantFrom(
        { min: -3, max: 3, levels: [] },
        { min: 1, max: 5, levels: [] },
        { min: -2, max: 2, levels: [] },
      ),
      convertPoints: opt(fc.boolean()),
    }),
  addPhase: () => fc.record({ id: fresh, name: text, index: opt(position) }),
  renamePhase: (ids) => fc.record({ id: ids.phase, name: text }),
  movePhase: (ids) => fc.record({ id: ids.phase, toIndex: position }),
  deletePhase: (ids) => fc.record({ id: ids.phase }),
  addStage: (ids) =>
    fc.record({
      id: fresh,
      name: text,
      index: opt(position),
      phaseId: opt(fc.oneof(fc.constant(null), ids.phase)),
    }),
  renameStage: (ids) => fc.record({ id: ids.stage, name: text }),
  updateStage: (ids) =>
    fc.record(
      {
        id: ids.stage,
        description: fc.string({ maxLength: 8 }),
        momentOfTruth: fc.boolean(),
        phaseId: fc.oneof(fc.constant(null), ids.phase),
        sla: fc.oneof(
          fc.constant(null),
          fc.record({ targetMs: fc.integer({ min: 1, max: 10 * 86_400_000 }) }),
          fc.record({ targetMs: fc.integer({ min: 1, max: 1000 }), label: fc.constantFrom("2 days", "SLA") }),
        ),
      },
      { requiredKeys: ["id"] },
    ),
  moveStage: (ids) => fc.record({ id: ids.stage, toIndex: position }),
  deleteStage: (ids) => fc.record({ id: ids.stage }),
  linkSubJourney: (ids, m) =>
    fc.record({
      stageId: ids.stage,
      mapId: fc.constantFrom("child-a", "child-b", m.id as string),
      index: opt(position),
    }),
  unlinkSubJourney: (ids, m) =>
    pick(
      m.stages.flatMap((s) =>
        s.subJourneyIds.map((mapId) => ({ stageId: s.id as string, mapId: mapId as string })),
      ),
      { stageId: MISSING, mapId: "child-a" },
    ).chain((link) =>
      fc.oneof(
        { weight: 4, arbitrary: fc.constant(link) },
        fc.record({ stageId: ids.stage, mapId: fc.constant(link.mapId) }),
      ),
    ),
  addStep: (ids) => fc.record({ stageId: ids.stage, id: fresh, name: text, index: opt(position) }),
  renameStep: (ids) => fc.record({ step: ids.step, name: text }).map(({ step, name }) => ({ ...step, name })),
  moveStep: (ids) =>
    fc.record({ step: ids.step, toIndex: position }).map(({ step, toIndex }) => ({ ...step, toIndex })),
  deleteStep: (ids) => ids.step.map((s) => ({ ...s })),
  addLane: () =>
    fc.record({
      id: fresh,
      laneType: fc.constantFrom(...LaneTypeSchema.options),
      name: opt(text),
      index: opt(position),
    }),
  renameLane: (ids) => fc.record({ id: ids.lane, name: text }),
  moveLane: (ids) => fc.record({ id: ids.lane, toIndex: position }),
  setLaneCollapsed: (ids) => fc.record({ id: ids.lane, collapsed: fc.boolean() }),
  deleteLane: (ids) => fc.record({ id: ids.lane }),
  addCard: (ids) =>
    fc
      .record({
        id: fresh,
        laneId: ids.lane,
        at: fc.oneof(
          ids.step,
          ids.stage.map((stageId) => ({ stageId, id: null })),
        ),
        text: opt(text),
      })
      .map(({ at, ...c }) => ({ ...c, stageId: at.stageId, stepId: at.id })),
  updateCard: (ids) =>
    fc.record(
      {
        id: ids.card,
        text: fc.string({ maxLength: 12 }),
        color: fc.constantFrom(null, "#ffcc00"),
        confidence: fc.constantFrom("assumed", "observed", "validated"),
        fields: fc.oneof(
          { weight: 3, arbitrary: fc.constant(undefined) },
          fc.constantFrom({ owner: "Ops" }, { reach: 0.5 }, { channel: "web" }),
        ),
      },
      { requiredKeys: ["id", "fields"] },
    ),
  moveCard: (ids) =>
    fc
      .record({
        id: ids.card,
        laneId: opt(ids.lane),
        at: fc.oneof(
          ids.step,
          ids.stage.map((stageId) => ({ stageId, id: null })),
        ),
        toIndex: opt(position),
      })
      .map(({ at, ...c }) => ({ ...c, stageId: at.stageId, stepId: at.id })),
  deleteCard: (ids) => fc.record({ id: ids.card }),
  addEvidence: (ids) =>
    fc.record({
      cardId: ids.card,
      evidence: fc.record({
        id: fresh,
        kind: fc.constant("interview"),
        title: text,
        url: fc.constant(null),
        date: fc.constant(null),
        note: fc.constant(""),
      }),
    }),
  removeEvidence: (ids) => ids.evidence.map((e) => ({ ...e })),
  setSolution: (ids, m) =>
    fc.record({
      id: pick(cardIdsOf(m, "idea"), MISSING),
      solution: fc.oneof(
        fc.constant(null),
        fc.record({
          status: fc.constantFrom("planned", "in_progress", "shipped"),
          shipDate: fc.constantFrom(null, "2026-02-01"),
          kpiIds: fc.array(pick(cardIdsOf(m, "kpi"), MISSING), { maxLength: 2 }),
        }),
      ),
    }),
  recordKpiValue: (ids, m) =>
    fc.record({
      id: fc.oneof(pick(cardIdsOf(m, "kpi"), MISSING), ids.card),
      date: fc.constantFrom("2026-01-01", "2026-02-01", "2026-03-01"),
      value: fc.integer({ min: -5, max: 100 }),
      origin: opt(fc.constantFrom("manual", "log")),
    }),
  removeKpiValue: (_ids, m) =>
    pick(
      m.cards.flatMap((c) =>
        c.fields.kind === "kpi" ? c.fields.history.map((e) => ({ id: c.id as string, date: e.date })) : [],
      ),
      { id: MISSING, date: "2026-01-01" },
    ).map((x) => ({ ...x })),
  recordWorkshopVotes: (ids, m) =>
    fc.record({
      cardId: fc.oneof(pick([...cardIdsOf(m, "pain"), ...cardIdsOf(m, "idea")], MISSING), ids.card),
      votes: fc.integer({ min: 0, max: 12 }),
      evidence: fc.option(
        fresh.map((id) => ({
          id: `workshop-${id}`,
          kind: "workshop" as const,
          title: "Workshop 2026-12-02: 3 votes of 4 participants",
          url: null,
          date: "2026-12-02",
          note: "",
        })),
        { nil: null },
      ),
    }),
  setEmotion: (ids, m) =>
    fc
      .record({
        at: place(ids),
        value: fc.integer({ min: m.emotionScale.min - 1, max: m.emotionScale.max + 1 }),
        emoji: opt(fc.constantFrom(null, "🙂")),
        reason: opt(fc.string({ maxLength: 8 })),
      })
      .map(({ at, ...c }) => ({ ...at, ...c })),
  clearEmotion: (ids) => place(ids).map((p) => ({ ...p })),
  addActivityRule: (ids) =>
    fc.record({
      id: fresh,
      match: fc.constantFrom("exact", "wildcard"),
      pattern: fc.constantFrom("menu", "pay*", "order"),
      ignoreCase: opt(fc.boolean()),
      stageId: ids.stage,
      touchpointId: opt(fc.oneof(fc.constant(null), ids.card)),
      index: opt(position),
    }),
  updateActivityRule: (ids) =>
    fc.record(
      {
        id: ids.rule,
        pattern: fc.constantFrom("menu", "checkout"),
        ignoreCase: fc.boolean(),
        stageId: ids.stage,
      },
      { requiredKeys: ["id"] },
    ),
  moveActivityRule: (ids) => fc.record({ id: ids.rule, toIndex: position }),
  deleteActivityRule: (ids) => fc.record({ id: ids.rule }),
  attachPersona: (ids) =>
    fc.record({
      personaId: fc.oneof(
        ids.persona,
        fresh.map((id) => `p-${id}`),
      ),
      index: opt(position),
    }),
  detachPersona: (ids) => fc.record({ personaId: ids.persona }),
};

/** A command of `type` (as sent by a client, not yet validated) referring to entities of `m`. */
export function arbitraryCommand(m: JourneyMap, type: MapCommandType): fc.Arbitrary<MapCommand> {
  return GENERATORS[type](idsOf(m), m).map((fields) => {
    const c: Record<string, unknown> = { type };
    for (const [k, v] of Object.entries(fields)) if (v !== undefined) c[k] = v;
    return c as MapCommand;
  });
}

/** A command of any type against `m`. */
export function anyCommand(m: JourneyMap): fc.Arbitrary<MapCommand> {
  return fc.constantFrom(...COMMAND_TYPES).chain((type) => arbitraryCommand(m, type));
}

/** Draws from an arbitrary inside a property (`fc.gen()`). */
export type Draw = fc.GeneratorValue;

/** Applies one drawn command of any type to `doc`; false when the command was refused (nothing changed). */
export function applyDrawn(doc: Y.Doc, g: Draw, type?: MapCommandType): boolean {
  const m = fromYDoc(doc, { validate: false });
  const parsed = MapCommandSchema.safeParse(g(() => (type ? arbitraryCommand(m, type) : anyCommand(m))));
  if (!parsed.success) return false;
  try {
    applyCommands(doc, [parsed.data], { now: m.updatedAt, newId: sequentialIds(`d${++drawn}`) });
    return true;
  } catch (e) {
    if (e instanceof WaylineError) return false;
    throw e;
  }
}
let drawn = 0;

const now = "2026-03-01T00:00:00.000Z";
/** The pizza template with steps, evidence, step-level points and activity rules added. */
function richDoc(): Y.Doc {
  const doc = toYDoc(buildTemplate("pizza-restaurant", { now, newId: sequentialIds("t") }).map);
  const m = fromYDoc(doc);
  const [s1, s2] = m.stages;
  const touchpoints = m.cards.filter((c) => c.fields.kind === "touchpoint");
  const kpis = m.cards.filter((c) => c.fields.kind === "kpi");
  const ideas = m.cards.filter((c) => c.fields.kind === "idea");
  const evidence = (id: string) => ({ id, kind: "interview", title: id, url: null, date: null, note: "" });
  const cmds = [
    { type: "addStep", stageId: s1?.id, id: "st1", name: "Hungry" },
    { type: "addStep", stageId: s1?.id, id: "st2", name: "Searching" },
    { type: "addStep", stageId: s2?.id, id: "st3", name: "Calls" },
    { type: "setEmotion", stageId: s1?.id, stepId: "st2", value: 1 },
    { type: "linkSubJourney", stageId: s1?.id, mapId: "child-a" },
    { type: "linkSubJourney", stageId: s1?.id, mapId: "child-b" },
    { type: "linkSubJourney", stageId: s2?.id, mapId: "child-a" },
    {
      type: "addCard",
      id: "c-step",
      laneId: m.cards[0]?.laneId,
      stageId: s1?.id,
      stepId: "st1",
      text: "In a step",
    },
    ...m.cards
      .slice(0, 3)
      .map((c, i) => ({ type: "addEvidence", cardId: c.id, evidence: evidence(`ev${i}`) })),
    ...touchpoints.slice(0, 3).map((c, i) => ({
      type: "addActivityRule",
      id: `r${i}`,
      match: "wildcard",
      pattern: `page${i}*`,
      stageId: c.stageId,
      touchpointId: i === 2 ? null : c.id,
    })),
    ...kpis.slice(0, 2).flatMap((c, i) => [
      { type: "recordKpiValue", id: c.id, date: "2026-01-01", value: 10 + i },
      { type: "recordKpiValue", id: c.id, date: "2026-02-01", value: 20 + i, origin: "log" },
    ]),
    ...ideas.slice(0, 1).map((c) => ({
      type: "setSolution",
      id: c.id,
      solution: { status: "shipped", shipDate: "2026-01-15", kpiIds: kpis.slice(0, 1).map((k) => k.id) },
    })),
  ].map((c) => MapCommandSchema.parse(c));
  applyCommands(doc, cmds, { now, newId: sequentialIds("b") });
  return doc;
}

const BASE_UPDATES = [
  richDoc(),
  sampleDoc(),
  createMapDoc("Empty", "current_state", { id: "map-e" as MapId, now }),
].map((doc) => Y.encodeStateAsUpdate(doc));

/** A copy of a base document (the template twice as often: it has every kind of entity). */
function baseDoc(g: Draw): Y.Doc {
  const i = g(fc.integer, { min: 0, max: BASE_UPDATES.length });
  const doc = new Y.Doc();
  Y.applyUpdate(doc, BASE_UPDATES[Math.max(0, i - 1)] as Uint8Array);
  return doc;
}

/** A map document: a template, a small sample or an empty map, then up to `edits` random commands. */
export function generatedDoc(g: Draw, edits = 6): Y.Doc {
  const doc = baseDoc(g);
  const n = g(fc.integer, { min: 0, max: edits });
  for (let i = 0; i < n; i++) applyDrawn(doc, g);
  return doc;
}

/** The map without order keys, timestamps and sample flags: what a user sees. */
export function visible(m: JourneyMap) {
  const strip = <T extends object>(x: T) => {
    const { order: _o, ...rest } = x as T & { order?: string };
    return rest;
  };
  return {
    ...m,
    updatedAt: null,
    phases: m.phases.map(strip),
    stages: m.stages.map((s) => ({ ...strip(s), steps: s.steps.map(strip) })),
    lanes: m.lanes.map(strip),
    cards: m.cards.map((c) => ({ ...strip(c), isSample: null })),
    activityRules: m.activityRules.map(strip),
    emotionPoints: [...m.emotionPoints]
      .map((p) => ({ ...p, isSample: null }))
      .sort((a, b) => `${a.stageId}${a.personaId}`.localeCompare(`${b.stageId}${b.personaId}`)),
  };
}
