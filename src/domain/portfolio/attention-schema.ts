import { z } from "zod";
import { text } from "../model/text.ts";
import { ATTENTION_KINDS, FAIL_ON_KINDS, type FailOn } from "./attention.ts";

/** A needs-attention kind. */
export const AttentionKindSchema = z.enum(ATTENTION_KINDS);

/** A comma-separated list of kinds, as a query parameter or CLI option (`pain-overdue,review-overdue`). */
export const AttentionKindListSchema = z
  .string()
  .transform((s) => s.split(",").map((k) => k.trim()))
  .pipe(z.array(AttentionKindSchema).min(1));

/** What `--fail-on` accepts. */
export const FailOnSchema = z.enum(Object.keys(FAIL_ON_KINDS) as [FailOn, ...FailOn[]]);

/** Filters of the needs-attention list, as the API query and the CLI options give them. */
export const AttentionFilterSchema = z.strictObject({
  /** Only items this person or team has to act on. */
  owner: text().trim().min(1).max(200).optional(),
  /** Only these kinds (comma-separated). */
  kind: AttentionKindListSchema.optional(),
});
