import { z } from "zod";

/** Body of `POST /api/journeys/:id/versions`: the name of the version ("Before workshop"). */
export const CreateVersionBody = z.strictObject({
  /** Label shown in the history panel. */
  label: z.string().trim().min(1).max(120),
});
