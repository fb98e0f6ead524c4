import { z } from "zod";
import { MapCommandSchema } from "./registry.ts";

export { CardFieldsSchema } from "../model/card.ts";
export { MapPatchSchema } from "./fields.ts";
export type { CommandOf, MapCommand, MapCommandType } from "./registry.ts";
export { MapCommandSchema };

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
