import type * as Y from "yjs";
import { problemsFromIssues, WaylineError } from "../errors.ts";
import { RulePatternSchema } from "../model/activity-rule.ts";
import { keyAtIndex } from "../ordering.ts";
import { ruleToY } from "../ydoc/to-ydoc.ts";
import { type CommandContext, fail, mustGet, siblings, takeId } from "./context.ts";
import type { CommandOf } from "./schema.ts";

function checkPattern(ctx: CommandContext, match: string, pattern: string, ignoreCase: boolean): void {
  const r = RulePatternSchema.safeParse({ match, pattern, ignoreCase });
  if (r.success) return;
  const problems = problemsFromIssues(r.error.issues, ctx.path);
  throw new WaylineError("invalid_command", `${problems[0]?.path}: ${problems[0]?.message}`, { problems });
}

/** The stage a rule belongs to: the touchpoint's stage when a touchpoint is given. */
function resolveStage(ctx: CommandContext, stageId: string, touchpointId: string | null | undefined): string {
  mustGet(ctx, ctx.r.stages, stageId, "stageId", "stage");
  if (!touchpointId) return stageId;
  const card = mustGet(ctx, ctx.r.cards, touchpointId, "touchpointId", "card");
  const fields = card.get("fields") as Y.Map<unknown>;
  if (fields.get("kind") !== "touchpoint") fail(ctx, "touchpointId", "the card is not a touchpoint");
  if (card.get("stageId") !== stageId)
    fail(ctx, "touchpointId", "the touchpoint is in another stage than the rule");
  return stageId;
}

export function addActivityRule(ctx: CommandContext, c: CommandOf<"addActivityRule">): void {
  checkPattern(ctx, c.match, c.pattern, c.ignoreCase ?? false);
  const stageId = resolveStage(ctx, c.stageId, c.touchpointId);
  const id = takeId(ctx, ctx.r.rules, c.id);
  const order = keyAtIndex(siblings(ctx.r.rules), c.index ?? Number.MAX_SAFE_INTEGER);
  const rule = {
    id,
    match: c.match,
    pattern: c.pattern,
    ignoreCase: c.ignoreCase ?? false,
    stageId,
    touchpointId: c.touchpointId ?? null,
    order,
  };
  ctx.r.rules.set(id, ruleToY(rule as never));
  ctx.reads.add(`stage:${stageId}`);
  ctx.writes.add(`rule:${id}`);
}

export function updateActivityRule(ctx: CommandContext, c: CommandOf<"updateActivityRule">): void {
  const rule = mustGet(ctx, ctx.r.rules, c.id, "id", "rule");
  const next = {
    match: c.match ?? (rule.get("match") as string),
    pattern: c.pattern ?? (rule.get("pattern") as string),
    ignoreCase: c.ignoreCase ?? rule.get("ignoreCase") === true,
    stageId: c.stageId ?? (rule.get("stageId") as string),
    touchpointId:
      c.touchpointId === undefined ? ((rule.get("touchpointId") as string | null) ?? null) : c.touchpointId,
  };
  if (c.stageId && c.touchpointId === undefined) next.touchpointId = null;
  checkPattern(ctx, next.match, next.pattern, next.ignoreCase);
  resolveStage(ctx, next.stageId, next.touchpointId);
  for (const [key, value] of Object.entries(next)) {
    if (rule.get(key) === value) continue;
    rule.set(key, value);
    ctx.writes.add(`rule:${c.id}.${key}`);
  }
}

export function moveActivityRule(ctx: CommandContext, c: CommandOf<"moveActivityRule">): void {
  const rule = mustGet(ctx, ctx.r.rules, c.id, "id", "rule");
  rule.set("order", keyAtIndex(siblings(ctx.r.rules, undefined, c.id), c.toIndex));
  ctx.writes.add(`rule:${c.id}.order`);
}

export function deleteActivityRule(ctx: CommandContext, c: CommandOf<"deleteActivityRule">): void {
  mustGet(ctx, ctx.r.rules, c.id, "id", "rule");
  ctx.r.rules.delete(c.id);
  ctx.writes.add(`rule:${c.id}`);
}
