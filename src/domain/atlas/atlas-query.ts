import { z } from "zod";
import { MapStatusSchema } from "../model/journey-map.ts";
import { text } from "../model/text.ts";

/** Filters of the atlas, as the API query and the CLI options give them. */
export const AtlasFilterSchema = z.strictObject({
  /** Only this persona's row. */
  personaId: text().min(1).max(100).optional(),
  /** Only maps carrying this tag (case-insensitive). */
  tag: text().trim().min(1).max(50).optional(),
  /** Only maps of this owner (case-insensitive). */
  owner: text().trim().min(1).max(200).optional(),
  /** Only maps of this status (archived maps show only when asked for). */
  status: MapStatusSchema.optional(),
  /** Only stale maps (`true`/`1`): past their review cadence or citing stale research. */
  stale: z
    .enum(["true", "false", "1", "0"])
    .transform((v) => v === "true" || v === "1")
    .optional(),
});
