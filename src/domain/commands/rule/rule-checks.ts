import type * as Y from "yjs";
import { z } from "zod";
import { problemsFromIssues, WaylineError } from "../../errors.ts";
import { MAX_PATTERN_LENGTH, RulePatternSchema } from "../../model/activity-rule.ts";
import { type CommandContext, fail, mustGet } from "../context.ts";

/** Pattern of an activity-mapping rule (its syntax is checked per match kind at apply time). */
export const pattern = z.string().min(1).max(MAX_PATTERN_LENGTH);

/** Fails unless the pattern is valid for the match kind. */
export function checkPattern(ctx: CommandContext, match: string, p: string, ignoreCase: boolean): void {
  const r = RulePatternSchema.safeParse({ match, pattern: p, ignoreCase });
  if (r.success) return;
  const problems = problemsFromIssues(r.error.issues, ctx.path);
  throw new WaylineError("invalid_command", `${problems[0]?.path}: ${problems[0]?.message}`, { problems });
}

/** The stage a rule belongs to: the touchpoint's stage when a touchpoint is given. */
export function resolveStage(
  ctx: CommandContext,
  stageId: string,
  touchpointId: string | null | undefined,
): string {
  mustGet(ctx, ctx.r.stages, stageId, "stageId", "stage");
  if (!touchpointId) return stageId;
  const card = mustGet(ctx, ctx.r.cards, touchpointId, "touchpointId", "card");
  const fields = card.get("fields") as Y.Map<unknown>;
  if (fields.get("kind") !== "touchpoint") fail(ctx, "touchpointId", "the card is not a touchpoint");
  if (card.get("stageId") !== stageId)
    fail(ctx, "touchpointId", "the touchpoint is in another stage than the rule");
  return stageId;
}
