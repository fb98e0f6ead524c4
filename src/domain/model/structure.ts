import { z } from "zod";
import { isOrderKey } from "../ordering.ts";
import {
  LaneIdSchema,
  MapIdSchema,
  PersonaIdSchema,
  PhaseIdSchema,
  StageIdSchema,
  StepIdSchema,
} from "./ids.ts";
import { LaneTypeSchema } from "./lane-types.ts";
import { StageSlaSchema } from "./stage-sla.ts";
import { text } from "./text.ts";

/** A fractional-index order key (`a0`, `a0V` …); items sort by it, ties by id. */
export const OrderKeySchema = text()
  .min(1)
  .max(200)
  .refine(isOrderKey, 'not a fractional-index order key (e.g. "a0")');
const orderKey = OrderKeySchema;
const name = text().min(1).max(200);

/** A group of consecutive stages, e.g. pre-sale / sale / post-sale. */
export const PhaseSchema = z.strictObject({
  /** Stable id. */
  id: PhaseIdSchema,
  /** Phase name. */
  name,
  /** Fractional-index order key among phases. */
  order: orderKey,
  /** Band colour as #rrggbb. */
  color: text()
    .regex(/^#[0-9a-fA-F]{6}$/, "expected a colour like #88aaee")
    .nullable(),
});
export type Phase = z.infer<typeof PhaseSchema>;

/** A sub-column of a stage. */
export const StepSchema = z.strictObject({
  /** Stable id. */
  id: StepIdSchema,
  /** Step name. */
  name,
  /** Fractional-index order key within the stage. */
  order: orderKey,
});
export type Step = z.infer<typeof StepSchema>;

/** Most sub-journeys one stage links to. */
export const MAX_SUB_JOURNEYS = 20;

/** An ordered column of the map (a time of day in a day-in-the-life map). */
export const StageSchema = z.strictObject({
  /** Stable id. */
  id: StageIdSchema,
  /** Stage name, e.g. "Research". */
  name,
  /** Fractional-index order key among stages. */
  order: orderKey,
  /** Phase the stage belongs to, if any. */
  phaseId: PhaseIdSchema.nullable(),
  /** What happens in this stage. */
  description: text().max(5000),
  /** Flagged by the team as a moment of truth. */
  momentOfTruth: z.boolean(),
  /** Sub-columns, ordered by their order key. */
  steps: z.array(StepSchema).max(50),
  /**
   * Detailed maps this stage zooms into (journey hierarchy), in link order; maps of the same
   * workspace, never forming a cycle (checked by the service, which sees the other maps).
   * Absent in files and documents written before hierarchy = none.
   */
  subJourneyIds: z.array(MapIdSchema).max(MAX_SUB_JOURNEYS).default([]),
  /** Stated service level (target time in stage); absent = none (and in files written before it). */
  sla: StageSlaSchema.optional(),
});
export type Stage = z.infer<typeof StageSchema>;

/** An ordered row of a given type. */
export const LaneSchema = z.strictObject({
  /** Stable id. */
  id: LaneIdSchema,
  /** Lane type; decides the kind of card it holds. */
  type: LaneTypeSchema,
  /** Lane title shown in its row header. */
  name,
  /** Fractional-index order key among lanes. */
  order: orderKey,
  /** Collapsed rows show only their header. */
  collapsed: z.boolean(),
  /** Persona this lane is about (multi-persona maps), if any. */
  personaId: PersonaIdSchema.nullable(),
});
export type Lane = z.infer<typeof LaneSchema>;

/** One point of a persona's emotion curve, at a stage (or a step of it). */
export const EmotionPointSchema = z.strictObject({
  /** Persona whose feeling this is; null on maps without personas. */
  personaId: PersonaIdSchema.nullable(),
  /** Stage of the point. */
  stageId: StageIdSchema,
  /** Step of the point, when the stage has steps. */
  stepId: StepIdSchema.nullable(),
  /** Level on the map's emotion scale. */
  value: z.number().int(),
  /** Emoji shown at the point (defaults to the level's emoji). */
  emoji: text().max(16).nullable(),
  /** One-line reason. */
  reason: text().max(300),
  /** True when the point is sample content from a template. */
  isSample: z.boolean(),
});
export type EmotionPoint = z.infer<typeof EmotionPointSchema>;
