import { z } from "zod";
import {
  CommandBatchSchema,
  ExportOptionsSchema,
  ImportFormatSchema,
  type JourneyMap,
  MapFormatSchema,
  MapKindSchema,
  MapPatchSchema,
  MapStatusSchema,
  type Persona,
} from "../domain/index.ts";
import { text } from "../domain/model/text.ts";
import type { TemplateInfo } from "../domain/templates/index.ts";
import type { JourneySummary as StoredJourneySummary } from "../storage/journeys.ts";

// `/api/journeys` and `/api/templates` (docs/api.md): request schemas the server validates with,
// and the answers' types, read by the server routes and by the web client.

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

/** Query of `GET /api/journeys/:id/export`: a format of the registry and its options. */
export const ExportQuery = ExportOptionsSchema.extend({
  /** Format key of the export-format registry. */
  format: MapFormatSchema.default("json"),
  /** Present: answer inline (for previews) instead of as a download. */
  inline: text().optional(),
  /** PDF only, `page`: answer the PDF's first page as a PNG (the Export dialog's preview). */
  preview: z.enum(["page"]).optional(),
});

/** Query of `POST /api/journeys/import`. */
export const ImportQuery = z.strictObject({
  /** Importable format; else from `name`'s extension, else from the Content-Type. */
  format: ImportFormatSchema.optional(),
  /** File name (gives the format and the title when the file has none). */
  name: text().max(300).optional(),
  /** "1": answer the preview and create nothing. */
  dryRun: z.enum(["0", "1", "true", "false"]).optional(),
  /** Lane types confirmed in the preview: `ROW:TYPE,…` (1-based sheet rows). */
  laneTypes: text().max(2000).optional(),
});

/** Filters of `GET /api/journeys` as a client sends them. */
export type JourneyQuery = Omit<z.input<typeof ListJourneysQuery>, "limit" | "offset"> & {
  limit?: number;
  offset?: number;
};

/** Body of `POST /api/journeys` as a client sends it. */
export type CreateJourneyRequest = z.input<typeof CreateJourneyBody>;

/** Body of `PATCH /api/journeys/:id` as a client sends it. */
export type PatchJourneyRequest = z.input<typeof PatchJourneyBody>;

/** Body of `POST /api/journeys/:id/commands` as a client sends it. */
export type CommandsRequest = z.input<typeof CommandsBody>;

/** A map as answered by `GET /api/journeys/:id` (and every write): its fields, personas and version. */
export type MapView = JourneyMap & { personas: Persona[]; version: number };

/** Answer of `POST /api/journeys/:id/commands`: the map after the batch, and the ids it created. */
export type CommandsResult = MapView & { created: string[] };

/** A row of `GET /api/journeys` (the store's listing row). */
export type JourneySummary = StoredJourneySummary;

/** A row of `GET /api/templates`. */
export type TemplateSummary = TemplateInfo;
