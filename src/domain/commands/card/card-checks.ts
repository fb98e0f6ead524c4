import type * as Y from "yjs";
import { problemsFromIssues, WaylineError } from "../../errors.ts";
import { type CardFields, CardFieldsSchema } from "../../model/card.ts";
import { cardKindOf, type LaneType } from "../../model/lane-types.ts";
import type { YEntity } from "../../ydoc/layout.ts";
import { type CommandContext, fail, siblings } from "../context.ts";

/** Card kind of a lane; the emotion lane holds no cards. */
export function kindOfLane(ctx: CommandContext, lane: YEntity, field: string) {
  const kind = cardKindOf(lane.get("type") as LaneType);
  if (!kind) fail(ctx, field, "the emotion lane holds emotion points, not cards (use setEmotion)");
  return kind;
}

/** Validates a partial field patch against the card kind, returning the complete fields. */
export function mergeFields(
  ctx: CommandContext,
  base: CardFields,
  patch: Record<string, unknown> | undefined,
): CardFields {
  if (!patch) return base;
  if ("kind" in patch && patch.kind !== base.kind)
    fail(ctx, "fields.kind", `this lane holds "${base.kind}" cards; kind cannot be "${String(patch.kind)}"`);
  const parsed = CardFieldsSchema.safeParse({ ...base, ...patch });
  if (!parsed.success) {
    const problems = problemsFromIssues(parsed.error.issues, `${ctx.path}.fields`);
    throw new WaylineError("invalid_command", `${problems[0]?.path}: ${problems[0]?.message}`, { problems });
  }
  // Only links the patch sets are checked: links left dangling by a delete stay in the document
  // (fromYDoc hides them, undoing the delete brings them back) and must not block other edits.
  if (parsed.data.kind === "idea") {
    if ("painPointIds" in patch)
      checkLinks(ctx, parsed.data.painPointIds, "pain", "painPointIds", "pain point");
    if ("kpiIds" in patch) checkLinks(ctx, parsed.data.kpiIds, "kpi", "kpiIds", "KPI");
  }
  return parsed.data;
}

/** Fails unless every id names a card of `kind` on this map. */
export function checkLinks(
  ctx: CommandContext,
  ids: readonly string[],
  kind: "pain" | "kpi",
  field: string,
  what: string,
): void {
  ids.forEach((id, i) => {
    const target = ctx.r.cards.get(id)?.get("fields") as Y.Map<unknown> | undefined;
    if (target?.get("kind") !== kind) fail(ctx, `fields.${field}[${i}]`, `no ${what} card with id "${id}"`);
  });
}

/** Fails unless the stage has the step (when one is given). */
export function checkStep(ctx: CommandContext, stageId: string, stepId: string | null | undefined): void {
  if (!stepId) return;
  const stage = ctx.r.stages.get(stageId);
  const steps = stage?.get("steps") as Y.Map<unknown> | undefined;
  if (!steps?.has(stepId)) fail(ctx, "stepId", `stage "${stageId}" has no step "${stepId}"`);
}

/** The ordered cards of one cell (lane × stage × step), optionally without one card. */
export function cellSiblings(
  ctx: CommandContext,
  laneId: string,
  stageId: string,
  stepId: string | null,
  except?: string,
) {
  return siblings(
    ctx.r.cards,
    (c) => c.get("laneId") === laneId && c.get("stageId") === stageId && (c.get("stepId") ?? null) === stepId,
    except,
  );
}
