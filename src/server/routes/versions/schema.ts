import { z } from "zod";
import { text } from "../../../domain/model/text.ts";

/** Body of `POST /api/journeys/:id/versions`: the name of the version ("Before workshop"). */
export const CreateVersionBody = z.strictObject({
  /** Label shown in the history panel. */
  label: text().trim().min(1).max(120),
});
