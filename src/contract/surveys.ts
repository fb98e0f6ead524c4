import { z } from "zod";
import { SURVEY_TOOL_CHOICES } from "../domain/connectors/surveys.ts";
import { text } from "../domain/model/text.ts";
import type { SurveyRowError } from "../services/surveys/parse-survey.ts";
import type { SurveyInfo as StoredSurveyInfo } from "../services/surveys/survey-service.ts";

// Surveys of a map, under `/api/journeys/:id/surveys` (docs/api.md). Results are the domain's
// `SurveyResults` (src/domain/journey-data/surveys.ts).

/** Query of `POST /api/journeys/:id/surveys` (the body is the file). */
export const UploadSurveyQuery = z.strictObject({
  /** Original file name: `.csv`/`.tsv` or `.json`/`.ndjson`. */
  filename: text()
    .min(1)
    .max(255)
    .regex(/^[^/\\]+\.(csv|tsv|txt|json|ndjson|jsonl)$/i, "a .csv, .tsv, .json or .ndjson file name"),
  name: text().min(1).max(200).optional(),
  /** Stage the survey is about, for tool exports without a stage or touchpoint column. */
  stage: text().min(1).max(200).optional(),
  /** Survey tool: auto (detected from the header rows, default), none (long form) or qualtrics, surveymonkey, typeform. */
  tool: z.enum(SURVEY_TOOL_CHOICES).optional(),
});

/** Query of `GET /api/journeys/:id/surveys/results`. */
export const SurveyResultsQuery = z.strictObject({ surveyId: text().min(1).max(64).optional() });

/** A survey of a map as listed by `GET /api/journeys/:id/surveys`. */
export type SurveyInfo = StoredSurveyInfo;

/** Answer of `POST /api/journeys/:id/surveys`: the survey and the answers skipped, with why. */
export type SurveyUpload = SurveyInfo & {
  errors: SurveyRowError[] /** The survey tool whose export was read. */;
  tool?: string;
};
