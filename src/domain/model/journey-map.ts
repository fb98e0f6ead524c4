import { z } from "zod";
import { ActivityRuleSchema } from "./activity-rule.ts";
import { CardSchema } from "./card.ts";
import { DEFAULT_EMOTION_SCALE, EmotionScaleSchema } from "./emotion-scale.ts";
import { MapIdSchema, PersonaIdSchema } from "./ids.ts";
import { cardKindOf } from "./lane-types.ts";
import { EmotionPointSchema, LaneSchema, PhaseSchema, StageSchema } from "./structure.ts";
import { text } from "./text.ts";

/** The kinds of journey map of PRODUCT.md §2. */
export const MapKindSchema = z.enum([
  "current_state",
  "future_state",
  "day_in_the_life",
  "service_blueprint",
  "experience_map",
  "user_journey",
  "circular",
  "empathy_map",
]);
export type MapKind = z.infer<typeof MapKindSchema>;

/** Workflow status of a map. */
export const MapStatusSchema = z.enum(["draft", "in_review", "published", "archived"]);
export type MapStatus = z.infer<typeof MapStatusSchema>;

/** What the business wants to change and how it is measured. */
export const GoalSchema = z.strictObject({
  /** The goal in a sentence. */
  statement: text().max(2000),
  /** The metric that tells whether it was reached, e.g. "repeat visits within 60 days". */
  metric: text().max(300),
  /** Target value of the metric, e.g. "+15 %". */
  target: text().max(100),
});
export type Goal = z.infer<typeof GoalSchema>;

/** Where the journey starts and ends, and the scenario it follows. */
export const ScopeSchema = z.strictObject({
  /** Start point. */
  start: text().max(500),
  /** End point. */
  end: text().max(500),
  /** Scenario followed. */
  scenario: text().max(2000),
});
export type Scope = z.infer<typeof ScopeSchema>;

/** Map-level properties (everything but the grid). */
export const MapPropertiesSchema = z.strictObject({
  /** Map title. */
  title: text().min(1).max(200),
  /** Kind of map. */
  kind: MapKindSchema,
  /** Workflow status. */
  status: MapStatusSchema,
  /** Business goal. */
  goal: GoalSchema,
  /** Start → end and scenario. */
  scope: ScopeSchema,
  /** Person responsible for the map. */
  owner: text().max(200),
  /** Last time the team reviewed the map (YYYY-MM-DD). */
  lastReviewedAt: z.iso.date().nullable(),
  /** Months between reviews. */
  reviewCadenceMonths: z.number().int().min(1).max(60),
  /** The linked current ↔ future counterpart map. */
  counterpartId: MapIdSchema.nullable(),
  /** Free tags. */
  tags: z.array(text().min(1).max(50)).max(30),
  /** Emotion scale of the map. */
  emotionScale: EmotionScaleSchema,
});
export type MapProperties = z.infer<typeof MapPropertiesSchema>;

/** Shape of a whole journey map (the validated output of `fromYDoc`). */
const JourneyMapShape = MapPropertiesSchema.extend({
  /** Stable id. */
  id: MapIdSchema,
  /** Attached personas, in display order. */
  personaIds: z.array(PersonaIdSchema).max(20),
  /** Phases, ordered. */
  phases: z.array(PhaseSchema).max(50),
  /** Stages (columns), ordered. */
  stages: z.array(StageSchema).max(200),
  /** Lanes (rows), ordered. */
  lanes: z.array(LaneSchema).max(100),
  /** Cards, ordered by lane, stage, step, then order key. */
  cards: z.array(CardSchema).max(20_000),
  /** Emotion points of every persona. */
  emotionPoints: z.array(EmotionPointSchema).max(10_000),
  /** Data overlay: rules mapping event-log activities to stages and touchpoints, in order. */
  activityRules: z.array(ActivityRuleSchema).max(1000),
  /** Creation time (ISO 8601). */
  createdAt: z.iso.datetime({ offset: true }),
  /** Last change (ISO 8601). */
  updatedAt: z.iso.datetime({ offset: true }),
});
/** A whole journey map as plain data, with its cross-references checked. */
export const JourneyMapSchema = JourneyMapShape.superRefine(checkReferences);
export type JourneyMap = z.infer<typeof JourneyMapSchema>;

/** Cross-references: every id a map mentions exists, and cards match their lane's kind. */
function checkReferences(m: z.infer<typeof JourneyMapShape>, ctx: z.RefinementCtx): void {
  const add = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
  const phases = new Set(m.phases.map((p) => p.id as string));
  const stages = new Map(m.stages.map((s) => [s.id as string, new Set(s.steps.map((x) => x.id as string))]));
  const lanes = new Map(m.lanes.map((l) => [l.id as string, l]));
  const cards = new Map(m.cards.map((c) => [c.id as string, c]));
  const personas = new Set(m.personaIds as string[]);
  dupes(
    m.stages.map((s) => s.id),
    (i) => add(["stages", i, "id"], "duplicate stage id"),
  );
  dupes(
    m.lanes.map((l) => l.id),
    (i) => add(["lanes", i, "id"], "duplicate lane id"),
  );
  dupes(
    m.cards.map((c) => c.id),
    (i) => add(["cards", i, "id"], "duplicate card id"),
  );
  dupes(m.personaIds, (i) => add(["personaIds", i], "persona attached twice"));
  m.stages.forEach((s, i) => {
    if (s.phaseId && !phases.has(s.phaseId)) add(["stages", i, "phaseId"], `no phase with id "${s.phaseId}"`);
    s.subJourneyIds.forEach((child, j) => {
      if (child === m.id) add(["stages", i, "subJourneyIds", j], "a map cannot be its own sub-journey");
    });
    dupes(s.subJourneyIds, (j) => add(["stages", i, "subJourneyIds", j], "sub-journey linked twice"));
  });
  m.lanes.forEach((l, i) => {
    if (l.personaId && !personas.has(l.personaId)) add(["lanes", i, "personaId"], "persona is not attached");
  });
  m.cards.forEach((c, i) => {
    const lane = lanes.get(c.laneId);
    const steps = stages.get(c.stageId);
    if (!lane) add(["cards", i, "laneId"], `no lane with id "${c.laneId}"`);
    else if (cardKindOf(lane.type) !== c.fields.kind)
      add(
        ["cards", i, "fields", "kind"],
        `lane "${lane.name}" (${lane.type}) holds ${cardKindOf(lane.type) ?? "no"} cards`,
      );
    if (!steps) add(["cards", i, "stageId"], `no stage with id "${c.stageId}"`);
    else if (c.stepId && !steps.has(c.stepId)) add(["cards", i, "stepId"], "step is not in the card's stage");
    if (c.fields.kind === "idea")
      c.fields.painPointIds.forEach((p, j) => {
        if (cards.get(p)?.fields.kind !== "pain")
          add(["cards", i, "fields", "painPointIds", j], `no pain point card with id "${p}"`);
      });
  });
  dupes(
    m.activityRules.map((r) => r.id),
    (i) => add(["activityRules", i, "id"], "duplicate rule id"),
  );
  m.activityRules.forEach((r, i) => {
    if (!stages.has(r.stageId)) add(["activityRules", i, "stageId"], `no stage with id "${r.stageId}"`);
    if (!r.touchpointId) return;
    const tp = cards.get(r.touchpointId);
    if (tp?.fields.kind !== "touchpoint")
      add(["activityRules", i, "touchpointId"], `no touchpoint card with id "${r.touchpointId}"`);
    else if (tp.stageId !== r.stageId)
      add(["activityRules", i, "touchpointId"], "the touchpoint is in another stage than the rule");
  });
  m.emotionPoints.forEach((p, i) => {
    const steps = stages.get(p.stageId);
    if (!steps) add(["emotionPoints", i, "stageId"], `no stage with id "${p.stageId}"`);
    else if (p.stepId && !steps.has(p.stepId))
      add(["emotionPoints", i, "stepId"], "step is not in the stage");
    if (p.personaId && !personas.has(p.personaId))
      add(["emotionPoints", i, "personaId"], "persona is not attached");
    if (p.value < m.emotionScale.min || p.value > m.emotionScale.max)
      add(["emotionPoints", i, "value"], `must lie in ${m.emotionScale.min}…${m.emotionScale.max}`);
  });
}

function dupes(ids: readonly string[], report: (index: number) => void): void {
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (seen.has(id)) report(i);
    seen.add(id);
  });
}

/** Properties of a fresh map of a kind. */
export function defaultProperties(title: string, kind: MapKind): MapProperties {
  return {
    title,
    kind,
    status: "draft",
    goal: { statement: "", metric: "", target: "" },
    scope: { start: "", end: "", scenario: "" },
    owner: "",
    lastReviewedAt: null,
    reviewCadenceMonths: 6,
    counterpartId: null,
    tags: [],
    emotionScale: DEFAULT_EMOTION_SCALE,
  };
}
