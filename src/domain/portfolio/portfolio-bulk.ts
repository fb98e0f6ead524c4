import { z } from "zod";
import { SolutionStatusSchema, WorkStatusSchema } from "../model/card.ts";
import { text } from "../model/text.ts";

/**
 * A bulk edit of the portfolio: the same owner, status and/or due date on many pain points, or the
 * same status on many solutions (`solutionStatus`; the board's moves between columns are bulk
 * edits of one item).
 */
export const PortfolioBulkSchema = z.strictObject({
  /** The pain points to change, by map and card. */
  items: z
    .array(z.strictObject({ mapId: text().min(1).max(100), cardId: text().min(1).max(100) }))
    .min(1)
    .max(1000),
  /** What to set; null clears owner or due date. */
  set: z
    .strictObject({
      /** New owner (null: nobody). */
      owner: text().trim().min(1).max(200).nullable().optional(),
      /** New work status. */
      status: WorkStatusSchema.optional(),
      /** New due date (YYYY-MM-DD, null: none). */
      dueDate: z.iso.date().nullable().optional(),
      /** New status of solutions (planned / in progress / shipped); not with the pain-point fields. */
      solutionStatus: SolutionStatusSchema.optional(),
    })
    .refine((s) => Object.keys(s).length > 0, {
      message: "set at least one of owner, status, dueDate, solutionStatus",
    })
    .refine((s) => s.solutionStatus === undefined || Object.keys(s).length === 1, {
      message: "solutionStatus applies to solutions: set it alone, not with owner, status or dueDate",
      path: ["solutionStatus"],
    }),
});
/** A parsed bulk edit. */
export type PortfolioBulk = z.output<typeof PortfolioBulkSchema>;
