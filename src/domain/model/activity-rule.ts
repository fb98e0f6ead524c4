import { z } from "zod";
import { CardIdSchema, StageIdSchema } from "./ids.ts";
import { OrderKeySchema } from "./structure.ts";
import { text } from "./text.ts";

/** Id of an activity-mapping rule. */
export const ActivityRuleIdSchema = text()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, "ids use only letters, digits, '_' and '-'")
  .brand<"ActivityRuleId">();
export type ActivityRuleId = z.infer<typeof ActivityRuleIdSchema>;

/** How a rule's pattern is matched against an activity name. */
export const MatchKindSchema = z.enum(["exact", "wildcard", "regex"]);
export type MatchKind = z.infer<typeof MatchKindSchema>;

/** Largest pattern length (regexes are compiled; long ones are refused). */
export const MAX_PATTERN_LENGTH = 300;

/** Fields of a rule that decide what it matches. */
export const RulePatternSchema = z
  .strictObject({
    /** exact: the whole name; wildcard: `*` any run, `?` one character; regex: a JavaScript regular expression. */
    match: MatchKindSchema,
    /** The pattern. */
    pattern: text().min(1).max(MAX_PATTERN_LENGTH),
    /** Compare without regard to letter case. */
    ignoreCase: z.boolean(),
  })
  .superRefine((r, ctx) => {
    if (r.match !== "regex") return;
    try {
      new RegExp(r.pattern);
    } catch (e) {
      ctx.addIssue({
        code: "custom",
        path: ["pattern"],
        message: `not a valid regular expression: ${(e as Error).message}`,
      });
    }
  });

/**
 * A mapping rule of the map's data overlay: event-log activities matching the pattern belong to a
 * stage (and, optionally, to a touchpoint card in that stage). Rules apply in order; the first
 * match wins. Unmatched activities are reported, never dropped.
 */
export const ActivityRuleSchema = z
  .strictObject({
    /** Stable id. */
    id: ActivityRuleIdSchema,
    /** exact / wildcard / regex. */
    match: MatchKindSchema,
    /** The pattern. */
    pattern: text().min(1).max(MAX_PATTERN_LENGTH),
    /** Compare without regard to letter case. */
    ignoreCase: z.boolean(),
    /** Stage the matched activities belong to. */
    stageId: StageIdSchema,
    /** Touchpoint card they happen at (a card of a touchpoints lane in that stage), if any. */
    touchpointId: CardIdSchema.nullable(),
    /** Fractional-index order key: rules apply in this order. */
    order: OrderKeySchema,
  })
  .superRefine((r, ctx) => {
    const check = RulePatternSchema.safeParse({
      match: r.match,
      pattern: r.pattern,
      ignoreCase: r.ignoreCase,
    });
    if (!check.success)
      for (const i of check.error.issues) ctx.addIssue({ code: "custom", path: i.path, message: i.message });
  });
export type ActivityRule = z.infer<typeof ActivityRuleSchema>;
