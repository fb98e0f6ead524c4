import { z } from "zod";
import { EvidenceIdSchema } from "./ids.ts";
import { text } from "./text.ts";

/** How well a card is backed by research. */
export const ConfidenceSchema = z.enum(["assumed", "observed", "validated"]);
export type Confidence = z.infer<typeof ConfidenceSchema>;

/** Kind of research item an evidence link points at. */
export const EvidenceKindSchema = z.enum([
  "interview",
  "survey",
  "analytics",
  "support_log",
  "review",
  "usability_test",
  "document",
  /** Dot votes of a workshop session (domain/workshop). */
  "workshop",
  "other",
]);
export type EvidenceKind = z.infer<typeof EvidenceKindSchema>;

/** A citation of one research item. */
export const EvidenceLinkSchema = z.strictObject({
  /** Stable id of this link. */
  id: EvidenceIdSchema,
  /** What kind of research it is. */
  kind: EvidenceKindSchema,
  /** Short human title, e.g. "Interview #4 (Berlin)". */
  title: text().min(1).max(300),
  /** Where the research lives (http/https URL), if anywhere. */
  url: text()
    .max(2000)
    .regex(/^https?:\/\//, "must be an http(s) URL")
    .nullable(),
  /** When the research was done (YYYY-MM-DD). */
  date: z.iso.date().nullable(),
  /** Free note: what it shows. */
  note: text().max(2000),
});
export type EvidenceLink = z.infer<typeof EvidenceLinkSchema>;
