import { z } from "zod";
import { text } from "../../../domain/model/text.ts";

/** Query of `POST /api/journeys/:id/surveys` (the body is the file). */
export const UploadSurveyQuery = z.strictObject({
  /** Original file name: `.csv`/`.tsv` or `.json`/`.ndjson`. */
  filename: text()
    .min(1)
    .max(255)
    .regex(/^[^/\\]+\.(csv|tsv|txt|json|ndjson|jsonl)$/i, "a .csv, .tsv, .json or .ndjson file name"),
  name: text().min(1).max(200).optional(),
});

/** Query of `GET /api/journeys/:id/surveys/results`. */
export const SurveyResultsQuery = z.strictObject({ surveyId: text().min(1).max(64).optional() });
