import type * as Y from "yjs";
import { problemsFromIssues, WaylineError } from "../errors.ts";
import { type CardFields, CardFieldsSchema, defaultFields } from "../model/card.ts";
import { cardKindOf, type LaneType } from "../model/lane-types.ts";
import { keyAtIndex } from "../ordering.ts";
import { setText, type YEntity } from "../ydoc/layout.ts";
import { cardToY, fieldsToY } from "../ydoc/to-ydoc.ts";
import { type CommandContext, fail, mustGet, siblings, takeId } from "./context.ts";
import type { CommandOf } from "./schema.ts";

const end = Number.MAX_SAFE_INTEGER;

/** Card kind of a lane; the emotion lane holds no cards. */
function kindOfLane(ctx: CommandContext, lane: YEntity, field: string) {
  const kind = cardKindOf(lane.get("type") as LaneType);
  if (!kind) fail(ctx, field, "the emotion lane holds emotion points, not cards (use setEmotion)");
  return kind;
}

/** Validates a partial field patch against the card kind, returning the complete fields. */
function mergeFields(
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
  if (parsed.data.kind === "idea") checkPainLinks(ctx, parsed.data.painPointIds);
  return parsed.data;
}

function checkPainLinks(ctx: CommandContext, ids: readonly string[]): void {
  ids.forEach((id, i) => {
    const target = ctx.r.cards.get(id)?.get("fields") as Y.Map<unknown> | undefined;
    if (target?.get("kind") !== "pain")
      fail(ctx, `fields.painPointIds[${i}]`, `no pain point card with id "${id}"`);
  });
}

function checkStep(ctx: CommandContext, stageId: string, stepId: string | null | undefined): void {
  if (!stepId) return;
  const stage = ctx.r.stages.get(stageId);
  const steps = stage?.get("steps") as Y.Map<unknown> | undefined;
  if (!steps?.has(stepId)) fail(ctx, "stepId", `stage "${stageId}" has no step "${stepId}"`);
}

function cellSiblings(
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

export function addCard(ctx: CommandContext, c: CommandOf<"addCard">): void {
  const lane = mustGet(ctx, ctx.r.lanes, c.laneId, "laneId", "lane");
  mustGet(ctx, ctx.r.stages, c.stageId, "stageId", "stage");
  checkStep(ctx, c.stageId, c.stepId);
  const fields = mergeFields(ctx, defaultFields(kindOfLane(ctx, lane, "laneId")), c.fields);
  const id = takeId(ctx, ctx.r.cards, c.id);
  const stepId = c.stepId ?? null;
  const order = keyAtIndex(cellSiblings(ctx, c.laneId, c.stageId, stepId), c.index ?? end);
  ctx.r.cards.set(
    id,
    cardToY({
      id: id as never,
      laneId: c.laneId,
      stageId: c.stageId,
      stepId,
      order,
      text: c.text ?? "",
      color: c.color ?? null,
      confidence: c.confidence ?? "assumed",
      evidence: [],
      isSample: c.isSample ?? false,
      fields,
    }),
  );
  ctx.reads.add(`lane:${c.laneId}`).add(`stage:${c.stageId}`);
  ctx.writes.add(`card:${id}`);
}

export function updateCard(ctx: CommandContext, c: CommandOf<"updateCard">): void {
  const card = mustGet(ctx, ctx.r.cards, c.id, "id", "card");
  const fieldsY = card.get("fields") as Y.Map<unknown>;
  if (c.text !== undefined) {
    setText(card.get("text") as Y.Text, c.text);
    ctx.writes.add(`card:${c.id}.text`);
  }
  for (const key of ["color", "confidence"] as const) {
    if (c[key] === undefined) continue;
    card.set(key, c[key]);
    ctx.writes.add(`card:${c.id}.${key}`);
  }
  if (c.fields) {
    const merged = mergeFields(ctx, fieldsY.toJSON() as CardFields, c.fields) as Record<string, unknown>;
    for (const key of Object.keys(c.fields)) {
      fieldsY.set(key, merged[key]);
      ctx.writes.add(`card:${c.id}.fields.${key}`);
    }
  }
}

/** Moves a card to another cell; moving into a lane of another card kind resets its typed fields. */
export function moveCard(ctx: CommandContext, c: CommandOf<"moveCard">): void {
  const card = mustGet(ctx, ctx.r.cards, c.id, "id", "card");
  const laneId = c.laneId ?? (card.get("laneId") as string);
  const lane = mustGet(ctx, ctx.r.lanes, laneId, "laneId", "lane");
  mustGet(ctx, ctx.r.stages, c.stageId, "stageId", "stage");
  checkStep(ctx, c.stageId, c.stepId);
  const kind = kindOfLane(ctx, lane, "laneId");
  const stepId = c.stepId ?? null;
  const order = keyAtIndex(cellSiblings(ctx, laneId, c.stageId, stepId, c.id), c.toIndex ?? end);
  const fieldsY = card.get("fields") as Y.Map<unknown>;
  if (fieldsY.get("kind") !== kind) {
    card.set("fields", fieldsToY(defaultFields(kind)));
    ctx.writes.add(`card:${c.id}.fields`);
  }
  card.set("laneId", laneId);
  card.set("stageId", c.stageId);
  card.set("stepId", stepId);
  card.set("order", order);
  ctx.r.rules.forEach((rule, id) => {
    if (rule.get("touchpointId") !== c.id) return;
    if (kind !== "touchpoint") rule.set("touchpointId", null);
    else if (rule.get("stageId") !== c.stageId) rule.set("stageId", c.stageId);
    else return;
    ctx.writes.add(`rule:${id}`);
  });
  ctx.reads.add(`lane:${laneId}`).add(`stage:${c.stageId}`);
  ctx.writes.add(`card:${c.id}.position`);
}

export function deleteCard(ctx: CommandContext, c: CommandOf<"deleteCard">): void {
  mustGet(ctx, ctx.r.cards, c.id, "id", "card");
  ctx.r.cards.delete(c.id);
  ctx.r.rules.forEach((rule, id) => {
    if (rule.get("touchpointId") !== c.id) return;
    rule.set("touchpointId", null);
    ctx.writes.add(`rule:${id}.touchpointId`);
  });
  ctx.writes.add(`card:${c.id}`);
}

export function addEvidence(ctx: CommandContext, c: CommandOf<"addEvidence">): void {
  const card = mustGet(ctx, ctx.r.cards, c.cardId, "cardId", "card");
  const list = (card.get("evidence") as { id: string }[] | undefined) ?? [];
  if (list.some((e) => e.id === c.evidence.id))
    fail(ctx, "evidence.id", `card already cites "${c.evidence.id}"`);
  card.set("evidence", [...list, c.evidence]);
  ctx.writes.add(`card:${c.cardId}.evidence`);
}

export function removeEvidence(ctx: CommandContext, c: CommandOf<"removeEvidence">): void {
  const card = mustGet(ctx, ctx.r.cards, c.cardId, "cardId", "card");
  const list = (card.get("evidence") as { id: string }[] | undefined) ?? [];
  if (!list.some((e) => e.id === c.evidenceId))
    fail(ctx, "evidenceId", `card does not cite "${c.evidenceId}"`);
  card.set(
    "evidence",
    list.filter((e) => e.id !== c.evidenceId),
  );
  ctx.writes.add(`card:${c.cardId}.evidence`);
}
