import { z } from "zod";
import { text } from "../../../domain/model/text.ts";

/** Query of `GET /api/journeys/:id/summary`. */
export const SummaryQuery = z.strictObject({
  format: z.enum(["md", "html", "pdf"]).default("md"),
  download: text().optional(),
});
