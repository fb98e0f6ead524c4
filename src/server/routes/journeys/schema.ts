import { z } from "zod";
import { CommandBatchSchema, MapKindSchema, MapPatchSchema, MapStatusSchema } from "../../../domain/index.ts";
import { text } from "../../../domain/model/text.ts";

/** Body of `POST /api/journeys`: a blank map, or one from a template. */
export const CreateJourneyBody = z.union([
  z.strictObject({ title: text().min(1).max(200), kind: MapKindSchema }),
  z.strictObject({ templateId: text().min(1).max(100), title: text().min(1).max(200).optional() }),
]);

/** Query of `GET /api/journeys`. */
export const ListJourneysQuery = z.strictObject({
  q: text().max(200).optional(),
  kind: MapKindSchema.optional(),
  status: MapStatusSchema.optional(),
  tag: text().max(50).optional(),
  personaId: text().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

/** Body of `PATCH /api/journeys/:id`: map properties, optionally with the version they were based on. */
export const PatchJourneyBody = MapPatchSchema.extend({
  baseVersion: z.number().int().min(0).optional(),
}).strict();

/** Body of `POST /api/journeys/:id/commands`. */
export const CommandsBody = CommandBatchSchema;

/** Query of `GET /api/journeys/:id/export`. */
export const ExportQuery = z.strictObject({ format: z.enum(["json"]).default("json") });
