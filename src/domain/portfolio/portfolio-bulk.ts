import { z } from "zod";
import { WorkStatusSchema } from "../model/card.ts";

/** A bulk edit of the portfolio: the same owner, status and/or due date on many pain points. */
export const PortfolioBulkSchema = z.strictObject({
  /** The pain points to change, by map and card. */
  items: z
    .array(z.strictObject({ mapId: z.string().min(1).max(100), cardId: z.string().min(1).max(100) }))
    .min(1)
    .max(1000),
  /** What to set; null clears owner or due date. */
  set: z
    .strictObject({
      /** New owner (null: nobody). */
      owner: z.string().trim().min(1).max(200).nullable().optional(),
      /** New work status. */
      status: WorkStatusSchema.optional(),
      /** New due date (YYYY-MM-DD, null: none). */
      dueDate: z.iso.date().nullable().optional(),
    })
    .refine((s) => Object.keys(s).length > 0, { message: "set at least one of owner, status, dueDate" }),
});
/** A parsed bulk edit. */
export type PortfolioBulk = z.output<typeof PortfolioBulkSchema>;
