import { z } from "zod";

/** Query of `GET /api/journeys/:id/summary`. */
export const SummaryQuery = z.strictObject({
  format: z.enum(["md", "html", "pdf"]).default("md"),
  download: z.string().optional(),
});
