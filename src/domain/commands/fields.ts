import { z } from "zod";
import { GoalSchema, MapPropertiesSchema, ScopeSchema } from "../model/journey-map.ts";
import { recordKey, text } from "../model/text.ts";

/** Name of a phase, stage, step or lane. */
export const name = text().min(1).max(200);
/** Position among siblings (0 = first); omitted = at the end. */
export const index = z.number().int().min(0).optional();
/** Target position of a move among the siblings without the moved item. */
export const toIndex = z.number().int().min(0);

/** The strict schema of a command with the given `type` and fields. */
export const commandSchema = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.strictObject({ type: z.literal(type), ...shape });

/** Map-level properties a command may change (goal and scope may be given in part). */
export const MapPatchSchema = MapPropertiesSchema.omit({ emotionScale: true })
  .extend({ goal: GoalSchema.partial(), scope: ScopeSchema.partial() })
  .partial();

/** Fields of a card a command may change; typed fields may be given in part (kind is fixed by the lane). */
export const FieldsPatchSchema = z.record(recordKey(), z.unknown());
