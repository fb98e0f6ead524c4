import type * as Y from "yjs";
import type { ActivityRule, ActivityRuleId } from "../model/activity-rule.ts";
import { type Card, defaultFields } from "../model/card.ts";
import { clampLevel, DEFAULT_EMOTION_SCALE, type EmotionScale } from "../model/emotion-scale.ts";
import type { CardId, LaneId, MapId, PersonaId, PhaseId, StageId, StepId } from "../model/ids.ts";
import { type JourneyMap, JourneyMapSchema, type MapProperties } from "../model/journey-map.ts";
import { cardKindOf } from "../model/lane-types.ts";
import { readStageSla, type StageSla } from "../model/stage-sla.ts";
import {
  type EmotionPoint,
  type Lane,
  MAX_SUB_JOURNEYS,
  type Phase,
  type Stage,
  type Step,
} from "../model/structure.ts";
import { compareOrdered, sortOrdered } from "../ordering.ts";
import { roots, type YEntity } from "./layout.ts";
import { assertReadable } from "./migrations.ts";

const str = (m: YEntity, k: string, d = ""): string =>
  typeof m.get(k) === "string" ? (m.get(k) as string) : d;
const nullable = <T>(m: YEntity, k: string): T | null => (m.get(k) ?? null) as T | null;

function readProperties(meta: Y.Map<unknown>): MapProperties {
  const g = (k: string) => meta.get(k);
  return {
    title: (g("title") as string) ?? "Untitled",
    kind: (g("kind") as MapProperties["kind"]) ?? "current_state",
    status: (g("status") as MapProperties["status"]) ?? "draft",
    goal: {
      statement: (g("goal.statement") as string) ?? "",
      metric: (g("goal.metric") as string) ?? "",
      target: (g("goal.target") as string) ?? "",
    },
    scope: {
      start: (g("scope.start") as string) ?? "",
      end: (g("scope.end") as string) ?? "",
      scenario: (g("scope.scenario") as string) ?? "",
    },
    owner: (g("owner") as string) ?? "",
    lastReviewedAt: (g("lastReviewedAt") as string | null) ?? null,
    reviewCadenceMonths: (g("reviewCadenceMonths") as number) ?? 6,
    counterpartId: (g("counterpartId") as MapId | null) ?? null,
    tags: (g("tags") as string[]) ?? [],
    emotionScale: (g("emotionScale") as EmotionScale) ?? DEFAULT_EMOTION_SCALE,
  };
}

/** A stage's sub-journey links in link order (absent before hierarchy = none). */
function readSubJourneys(stage: YEntity): MapId[] {
  const y = stage.get("subJourneys") as Y.Map<string> | undefined;
  const links: { id: string; order: string }[] = [];
  y?.forEach((order, id) => links.push({ id, order: typeof order === "string" ? order : "a0" }));
  // Concurrent links may pass the limit together; the first ones in link order are kept.
  return sortOrdered(links)
    .slice(0, MAX_SUB_JOURNEYS)
    .map((l) => l.id as MapId);
}

/** The stage's `sla` key when it holds a valid SLA (absent otherwise, as in maps before it). */
function withSla(value: unknown): { sla?: StageSla } {
  const sla = readStageSla(value);
  return sla ? { sla } : {};
}

function readStages(stagesY: Y.Map<YEntity>, phaseIds: Set<string>): Stage[] {
  const stages: Stage[] = [];
  stagesY.forEach((m, id) => {
    const stepsY = m.get("steps") as Y.Map<YEntity> | undefined;
    const steps: Step[] = [];
    stepsY?.forEach((s, sid) =>
      steps.push({ id: sid as StepId, name: str(s, "name", "Step"), order: str(s, "order", "a0") }),
    );
    const phaseId = nullable<PhaseId>(m, "phaseId");
    stages.push({
      id: id as StageId,
      name: str(m, "name", "Stage"),
      order: str(m, "order", "a0"),
      phaseId: phaseId && phaseIds.has(phaseId) ? phaseId : null,
      description: str(m, "description"),
      momentOfTruth: m.get("momentOfTruth") === true,
      steps: sortOrdered(steps),
      subJourneyIds: readSubJourneys(m),
      ...withSla(m.get("sla")),
    });
  });
  return sortOrdered(stages);
}

function readCards(cardsY: Y.Map<YEntity>, lanes: Map<string, Lane>, stages: Map<string, Stage>): Card[] {
  const cards: Card[] = [];
  cardsY.forEach((m, id) => {
    const lane = lanes.get(str(m, "laneId"));
    const stage = stages.get(str(m, "stageId"));
    const kind = lane ? cardKindOf(lane.type) : null;
    if (!lane || !stage || !kind) return; // orphaned by a concurrent delete
    const stepId = nullable<StepId>(m, "stepId");
    const fieldsY = m.get("fields") as Y.Map<unknown> | undefined;
    const raw = fieldsY ? (fieldsY.toJSON() as Card["fields"]) : null;
    cards.push({
      id: id as CardId,
      laneId: lane.id,
      stageId: stage.id,
      stepId: stepId && stage.steps.some((s) => s.id === stepId) ? stepId : null,
      order: str(m, "order", "a0"),
      text: (m.get("text") as Y.Text | undefined)?.toString() ?? "",
      color: nullable<string>(m, "color"),
      confidence: (m.get("confidence") as Card["confidence"]) ?? "assumed",
      evidence: (m.get("evidence") as Card["evidence"]) ?? [],
      isSample: m.get("isSample") === true,
      fields:
        raw && raw.kind === kind
          ? ({ ...defaultFields(kind), ...raw } as Card["fields"])
          : defaultFields(kind),
    });
  });
  return cards;
}

/** Drops an idea's links to pain points and KPIs deleted (or never there) meanwhile. */
function repairIdeaLinks(cards: Card[]): void {
  const pains = new Set(cards.filter((c) => c.fields.kind === "pain").map((c) => c.id as string));
  const kpis = new Set(cards.filter((c) => c.fields.kind === "kpi").map((c) => c.id as string));
  for (const c of cards) {
    if (c.fields.kind === "idea")
      c.fields = {
        ...c.fields,
        painPointIds: c.fields.painPointIds.filter((p) => pains.has(p)),
        kpiIds: c.fields.kpiIds.filter((k) => kpis.has(k)),
      };
  }
}

function readEmotions(
  y: Y.Map<YEntity>,
  stages: Map<string, Stage>,
  personas: Set<string>,
  scale: EmotionScale,
) {
  const points: EmotionPoint[] = [];
  y.forEach((m) => {
    const stage = stages.get(str(m, "stageId"));
    const personaId = nullable<PersonaId>(m, "personaId");
    const stepId = nullable<StepId>(m, "stepId");
    if (!stage || (personaId && !personas.has(personaId))) return;
    if (stepId && !stage.steps.some((s) => s.id === stepId)) return;
    points.push({
      personaId,
      stageId: stage.id,
      stepId,
      value: clampLevel(Number(m.get("value") ?? 0), scale),
      emoji: nullable<string>(m, "emoji"),
      reason: str(m, "reason"),
      isSample: m.get("isSample") === true,
    });
  });
  return points;
}

/** Rules whose stage is gone are dropped; a rule follows its touchpoint's stage; a deleted touchpoint is unlinked. */
function readRules(y: Y.Map<YEntity>, stages: Map<string, Stage>, cards: readonly Card[]): ActivityRule[] {
  const byId = new Map(cards.map((c) => [c.id as string, c]));
  const rules: ActivityRule[] = [];
  y.forEach((m, id) => {
    const tp = byId.get(str(m, "touchpointId"));
    const touchpoint = tp?.fields.kind === "touchpoint" ? tp : null;
    const stage = stages.get(touchpoint ? touchpoint.stageId : str(m, "stageId"));
    if (!stage) return;
    rules.push({
      id: id as ActivityRuleId,
      match: (m.get("match") as ActivityRule["match"]) ?? "exact",
      pattern: str(m, "pattern", "?"),
      ignoreCase: m.get("ignoreCase") === true,
      stageId: stage.id,
      touchpointId: touchpoint ? touchpoint.id : null,
      order: str(m, "order", "a0"),
    });
  });
  return sortOrdered(rules);
}

/** Position of each id in an ordered list, for sorting cards and points by lane and stage. */
const rank = (items: readonly { id: string }[]) => new Map(items.map((x, i) => [x.id, i]));

/**
 * Reads the plain, validated journey map out of its canonical Y.Doc. Pure: it only reads.
 * Older layouts read as they are (see migrations.ts); a document newer than this code is refused.
 * References left dangling by concurrent edits are dropped or repaired (see layout.ts).
 */
export function fromYDoc(doc: Y.Doc, opts: { validate?: boolean } = {}): JourneyMap {
  assertReadable(doc);
  const r = roots(doc);
  const props = readProperties(r.meta);
  const personaOrder: { id: string; order: string }[] = [];
  r.personas.forEach((order, id) => personaOrder.push({ id, order }));
  const personaIds = sortOrdered(personaOrder).map((p) => p.id as PersonaId);
  const phases: Phase[] = [];
  r.phases.forEach((m, id) =>
    phases.push({
      id: id as PhaseId,
      name: str(m, "name", "Phase"),
      order: str(m, "order", "a0"),
      color: nullable(m, "color"),
    }),
  );
  const stages = readStages(r.stages, new Set(phases.map((p) => p.id as string)));
  const personaSet = new Set(personaIds as string[]);
  const lanes: Lane[] = [];
  r.lanes.forEach((m, id) => {
    const personaId = nullable<PersonaId>(m, "personaId");
    lanes.push({
      id: id as LaneId,
      type: (m.get("type") as Lane["type"]) ?? "text",
      name: str(m, "name", "Lane"),
      order: str(m, "order", "a0"),
      collapsed: m.get("collapsed") === true,
      personaId: personaId && personaSet.has(personaId) ? personaId : null,
    });
  });
  const sortedLanes = sortOrdered(lanes);
  const stageMap = new Map(stages.map((s) => [s.id as string, s]));
  const cards = readCards(r.cards, new Map(sortedLanes.map((l) => [l.id as string, l])), stageMap);
  repairIdeaLinks(cards);
  const laneRank = rank(sortedLanes);
  const stageRank = rank(stages);
  cards.sort(
    (a, b) =>
      (laneRank.get(a.laneId) ?? 0) - (laneRank.get(b.laneId) ?? 0) ||
      (stageRank.get(a.stageId) ?? 0) - (stageRank.get(b.stageId) ?? 0) ||
      compareOrdered(a, b),
  );
  const emotionPoints = readEmotions(r.emotions, stageMap, personaSet, props.emotionScale);
  emotionPoints.sort(
    (a, b) =>
      (a.personaId ?? "").localeCompare(b.personaId ?? "") ||
      (stageRank.get(a.stageId) ?? 0) - (stageRank.get(b.stageId) ?? 0) ||
      (a.stepId ?? "").localeCompare(b.stepId ?? ""),
  );
  const map: JourneyMap = {
    ...props,
    id: (r.meta.get("id") as MapId) ?? ("unknown" as MapId),
    personaIds,
    phases: sortOrdered(phases),
    stages,
    lanes: sortedLanes,
    cards,
    emotionPoints,
    activityRules: readRules(r.rules, stageMap, cards),
    createdAt: (r.meta.get("createdAt") as string) ?? new Date(0).toISOString(),
    updatedAt: (r.meta.get("updatedAt") as string) ?? new Date(0).toISOString(),
  };
  return opts.validate === false ? map : JourneyMapSchema.parse(map);
}
