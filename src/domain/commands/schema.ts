import { z } from "zod";
import { ActivityRuleIdSchema, MAX_PATTERN_LENGTH, MatchKindSchema } from "../model/activity-rule.ts";
import { CardFieldsSchema, CardSchema } from "../model/card.ts";
import { EmotionScaleSchema } from "../model/emotion-scale.ts";
import { ConfidenceSchema, EvidenceLinkSchema } from "../model/evidence.ts";
import {
  CardIdSchema,
  EvidenceIdSchema,
  LaneIdSchema,
  PersonaIdSchema,
  PhaseIdSchema,
  StageIdSchema,
  StepIdSchema,
} from "../model/ids.ts";
import { GoalSchema, MapPropertiesSchema, ScopeSchema } from "../model/journey-map.ts";
import { LaneTypeSchema } from "../model/lane-types.ts";

const name = z.string().min(1).max(200);
/** Position among siblings (0 = first); omitted = at the end. */
const index = z.number().int().min(0).optional();
const cmd = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.strictObject({ type: z.literal(type), ...shape });

/** Map-level properties a command may change (goal and scope may be given in part). */
export const MapPatchSchema = MapPropertiesSchema.omit({ emotionScale: true })
  .extend({ goal: GoalSchema.partial(), scope: ScopeSchema.partial() })
  .partial();

/** Fields of a card a command may change; typed fields may be given in part (kind is fixed by the lane). */
const FieldsPatchSchema = z.record(z.string(), z.unknown());

/** Every editing command of a journey map. */
export const MapCommandSchema = z.discriminatedUnion("type", [
  cmd("setMapProperties", { patch: MapPatchSchema }),
  cmd("setEmotionScale", { scale: EmotionScaleSchema, convertPoints: z.boolean().optional() }),
  cmd("addPhase", { id: PhaseIdSchema.optional(), name, color: CardSchema.shape.color.optional(), index }),
  cmd("renamePhase", { id: PhaseIdSchema, name }),
  cmd("movePhase", { id: PhaseIdSchema, toIndex: z.number().int().min(0) }),
  cmd("deletePhase", { id: PhaseIdSchema }),
  cmd("addStage", {
    id: StageIdSchema.optional(),
    name,
    index,
    phaseId: PhaseIdSchema.nullable().optional(),
    description: z.string().max(5000).optional(),
  }),
  cmd("renameStage", { id: StageIdSchema, name }),
  cmd("updateStage", {
    id: StageIdSchema,
    description: z.string().max(5000).optional(),
    momentOfTruth: z.boolean().optional(),
    phaseId: PhaseIdSchema.nullable().optional(),
  }),
  cmd("moveStage", { id: StageIdSchema, toIndex: z.number().int().min(0) }),
  cmd("deleteStage", { id: StageIdSchema }),
  cmd("addStep", { stageId: StageIdSchema, id: StepIdSchema.optional(), name, index }),
  cmd("renameStep", { stageId: StageIdSchema, id: StepIdSchema, name }),
  cmd("moveStep", { stageId: StageIdSchema, id: StepIdSchema, toIndex: z.number().int().min(0) }),
  cmd("deleteStep", { stageId: StageIdSchema, id: StepIdSchema }),
  cmd("addLane", {
    id: LaneIdSchema.optional(),
    laneType: LaneTypeSchema,
    name: name.optional(),
    index,
    personaId: PersonaIdSchema.nullable().optional(),
  }),
  cmd("renameLane", { id: LaneIdSchema, name }),
  cmd("moveLane", { id: LaneIdSchema, toIndex: z.number().int().min(0) }),
  cmd("setLaneCollapsed", { id: LaneIdSchema, collapsed: z.boolean() }),
  cmd("deleteLane", { id: LaneIdSchema }),
  cmd("addCard", {
    id: CardIdSchema.optional(),
    laneId: LaneIdSchema,
    stageId: StageIdSchema,
    stepId: StepIdSchema.nullable().optional(),
    index,
    text: CardSchema.shape.text.optional(),
    color: CardSchema.shape.color.optional(),
    confidence: ConfidenceSchema.optional(),
    fields: FieldsPatchSchema.optional(),
    isSample: z.boolean().optional(),
  }),
  cmd("updateCard", {
    id: CardIdSchema,
    text: CardSchema.shape.text.optional(),
    color: CardSchema.shape.color.optional(),
    confidence: ConfidenceSchema.optional(),
    fields: FieldsPatchSchema.optional(),
  }),
  cmd("moveCard", {
    id: CardIdSchema,
    laneId: LaneIdSchema.optional(),
    stageId: StageIdSchema,
    stepId: StepIdSchema.nullable().optional(),
    toIndex: z.number().int().min(0).optional(),
  }),
  cmd("deleteCard", { id: CardIdSchema }),
  cmd("addEvidence", { cardId: CardIdSchema, evidence: EvidenceLinkSchema }),
  cmd("removeEvidence", { cardId: CardIdSchema, evidenceId: EvidenceIdSchema }),
  cmd("setEmotion", {
    personaId: PersonaIdSchema.nullable().optional(),
    stageId: StageIdSchema,
    stepId: StepIdSchema.nullable().optional(),
    value: z.number().int(),
    emoji: z.string().max(16).nullable().optional(),
    reason: z.string().max(300).optional(),
  }),
  cmd("clearEmotion", {
    personaId: PersonaIdSchema.nullable().optional(),
    stageId: StageIdSchema,
    stepId: StepIdSchema.nullable().optional(),
  }),
  cmd("addActivityRule", {
    id: ActivityRuleIdSchema.optional(),
    match: MatchKindSchema,
    pattern: z.string().min(1).max(MAX_PATTERN_LENGTH),
    ignoreCase: z.boolean().optional(),
    stageId: StageIdSchema,
    touchpointId: CardIdSchema.nullable().optional(),
    index,
  }),
  cmd("updateActivityRule", {
    id: ActivityRuleIdSchema,
    match: MatchKindSchema.optional(),
    pattern: z.string().min(1).max(MAX_PATTERN_LENGTH).optional(),
    ignoreCase: z.boolean().optional(),
    stageId: StageIdSchema.optional(),
    touchpointId: CardIdSchema.nullable().optional(),
  }),
  cmd("moveActivityRule", { id: ActivityRuleIdSchema, toIndex: z.number().int().min(0) }),
  cmd("deleteActivityRule", { id: ActivityRuleIdSchema }),
  cmd("attachPersona", { personaId: PersonaIdSchema, index }),
  cmd("detachPersona", { personaId: PersonaIdSchema }),
]);
export type MapCommand = z.infer<typeof MapCommandSchema>;
export type MapCommandType = MapCommand["type"];
export type CommandOf<T extends MapCommandType> = Extract<MapCommand, { type: T }>;

/** Largest number of commands in one batch. */
export const MAX_COMMANDS_PER_BATCH = 500;

/** A batch of commands as sent to `POST /api/journeys/:id/commands`. */
export const CommandBatchSchema = z.strictObject({
  /** Version of the map the client last saw. */
  baseVersion: z.number().int().min(0),
  /** Commands applied together, in order, all or none. */
  commands: z.array(MapCommandSchema).min(1).max(MAX_COMMANDS_PER_BATCH),
});
export type CommandBatch = z.infer<typeof CommandBatchSchema>;

/** Re-export for field patches validated per card kind at apply time. */
export { CardFieldsSchema };
