import { z } from "zod";
import type {
  HealthReport,
  MapComparison,
  MomentOfTruth,
  PainPriority,
  PatternFinding,
  QuickWin,
} from "../domain/analysis/index.ts";
import { SUMMARY_FORMAT_KEYS } from "../domain/index.ts";

// Analysis of a map, under `/api/journeys/:id` (docs/api.md).

/** Formats of the stakeholder summary: the keys of the export-format registry's summary formats. */
export const SUMMARY_FORMATS = SUMMARY_FORMAT_KEYS;

/** A format of the stakeholder summary. */
export type SummaryFormat = (typeof SUMMARY_FORMATS)[number];

/** Query of `GET /api/journeys/:id/summary` (`download` present = as an attachment). */
export const SummaryQuery = z.strictObject({
  format: z.enum(SUMMARY_FORMATS).default("md"),
  download: z.string().optional(),
});

/** Answer of `GET /api/journeys/:id/check`: the health report. */
export type HealthReportView = HealthReport;

/** A prioritised pain point as `GET /api/journeys/:id/insights` answers it (the card flattened). */
export type PainPointView = Omit<PainPriority, "card"> & {
  /** The pain-point card. */
  cardId: string;
  /** The card's text. */
  text: string;
  /** Its typed pain fields. */
  fields: PainPriority["card"]["fields"];
};

/** Answer of `GET /api/journeys/:id/insights`. */
export interface InsightsView {
  /** Emotion-curve patterns. */
  patterns: PatternFinding[];
  /** Moments of truth. */
  momentsOfTruth: MomentOfTruth[];
  /** Pain points, highest priority first. */
  painPoints: PainPointView[];
  /** High-priority pain points with a low-effort idea. */
  quickWins: QuickWin[];
}

/** Answer of `GET /api/journeys/:id/compare/:otherId`. */
export type ComparisonView = MapComparison;
