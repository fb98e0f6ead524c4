import * as Y from "yjs";
import { LANE_TYPES } from "../model/lane-types.ts";
import { keyAtIndex } from "../ordering.ts";
import type { YEntity } from "../ydoc/layout.ts";
import { laneToY, phaseToY, stageToY } from "../ydoc/to-ydoc.ts";
import { type CommandContext, fail, mustGet, siblings, takeId } from "./context.ts";
import type { CommandOf } from "./schema.ts";

const end = Number.MAX_SAFE_INTEGER;

/** Deletes every card matching `pred`, recording the writes. */
function deleteCardsWhere(ctx: CommandContext, pred: (c: YEntity) => boolean): void {
  const doomed: string[] = [];
  ctx.r.cards.forEach((c, id) => {
    if (pred(c)) doomed.push(id);
  });
  for (const id of doomed) {
    ctx.r.cards.delete(id);
    ctx.writes.add(`card:${id}`);
  }
}

export function addPhase(ctx: CommandContext, c: CommandOf<"addPhase">): void {
  const id = takeId(ctx, ctx.r.phases, c.id);
  const order = keyAtIndex(siblings(ctx.r.phases), c.index ?? end);
  ctx.r.phases.set(id, phaseToY({ id: id as never, name: c.name, order, color: c.color ?? null }));
  ctx.writes.add(`phase:${id}`);
}

export function renamePhase(ctx: CommandContext, c: CommandOf<"renamePhase">): void {
  mustGet(ctx, ctx.r.phases, c.id, "id", "phase").set("name", c.name);
  ctx.writes.add(`phase:${c.id}.name`);
}

export function movePhase(ctx: CommandContext, c: CommandOf<"movePhase">): void {
  const p = mustGet(ctx, ctx.r.phases, c.id, "id", "phase");
  p.set("order", keyAtIndex(siblings(ctx.r.phases, undefined, c.id), c.toIndex));
  ctx.writes.add(`phase:${c.id}.order`);
}

export function deletePhase(ctx: CommandContext, c: CommandOf<"deletePhase">): void {
  mustGet(ctx, ctx.r.phases, c.id, "id", "phase");
  ctx.r.phases.delete(c.id);
  ctx.r.stages.forEach((s, sid) => {
    if (s.get("phaseId") === c.id) {
      s.set("phaseId", null);
      ctx.writes.add(`stage:${sid}.phaseId`);
    }
  });
  ctx.writes.add(`phase:${c.id}`);
}

export function addStage(ctx: CommandContext, c: CommandOf<"addStage">): void {
  if (c.phaseId) mustGet(ctx, ctx.r.phases, c.phaseId, "phaseId", "phase");
  const id = takeId(ctx, ctx.r.stages, c.id);
  const order = keyAtIndex(siblings(ctx.r.stages), c.index ?? end);
  ctx.r.stages.set(
    id,
    stageToY({
      id: id as never,
      name: c.name,
      order,
      phaseId: c.phaseId ?? null,
      description: c.description ?? "",
      momentOfTruth: false,
      steps: [],
    }),
  );
  ctx.writes.add(`stage:${id}`);
}

export function renameStage(ctx: CommandContext, c: CommandOf<"renameStage">): void {
  mustGet(ctx, ctx.r.stages, c.id, "id", "stage").set("name", c.name);
  ctx.writes.add(`stage:${c.id}.name`);
}

export function updateStage(ctx: CommandContext, c: CommandOf<"updateStage">): void {
  const s = mustGet(ctx, ctx.r.stages, c.id, "id", "stage");
  if (c.phaseId) mustGet(ctx, ctx.r.phases, c.phaseId, "phaseId", "phase");
  for (const key of ["description", "momentOfTruth", "phaseId"] as const) {
    if (c[key] === undefined) continue;
    s.set(key, c[key]);
    ctx.writes.add(`stage:${c.id}.${key}`);
  }
}

export function moveStage(ctx: CommandContext, c: CommandOf<"moveStage">): void {
  const s = mustGet(ctx, ctx.r.stages, c.id, "id", "stage");
  s.set("order", keyAtIndex(siblings(ctx.r.stages, undefined, c.id), c.toIndex));
  ctx.writes.add(`stage:${c.id}.order`);
}

export function deleteStage(ctx: CommandContext, c: CommandOf<"deleteStage">): void {
  mustGet(ctx, ctx.r.stages, c.id, "id", "stage");
  deleteCardsWhere(ctx, (card) => card.get("stageId") === c.id);
  const points: string[] = [];
  ctx.r.emotions.forEach((p, key) => {
    if (p.get("stageId") === c.id) points.push(key);
  });
  for (const key of points) {
    ctx.r.emotions.delete(key);
    ctx.writes.add(`emotion:${key}`);
  }
  const rules: string[] = [];
  ctx.r.rules.forEach((rule, id) => {
    if (rule.get("stageId") === c.id) rules.push(id);
  });
  for (const id of rules) {
    ctx.r.rules.delete(id);
    ctx.writes.add(`rule:${id}`);
  }
  ctx.r.stages.delete(c.id);
  ctx.writes.add(`stage:${c.id}`);
}

function stepsOf(ctx: CommandContext, stageId: string): Y.Map<YEntity> {
  const stage = mustGet(ctx, ctx.r.stages, stageId, "stageId", "stage");
  let steps = stage.get("steps") as Y.Map<YEntity> | undefined;
  if (!steps) {
    steps = new Y.Map<YEntity>();
    stage.set("steps", steps);
  }
  return steps;
}

export function addStep(ctx: CommandContext, c: CommandOf<"addStep">): void {
  const steps = stepsOf(ctx, c.stageId);
  const id = takeId(ctx, steps, c.id);
  const order = keyAtIndex(siblings(steps), c.index ?? end);
  const m = new Y.Map<unknown>();
  m.set("name", c.name);
  m.set("order", order);
  steps.set(id, m);
  ctx.reads.add(`stage:${c.stageId}`);
  ctx.writes.add(`stage:${c.stageId}.steps.${id}`);
}

export function renameStep(ctx: CommandContext, c: CommandOf<"renameStep">): void {
  mustGet(ctx, stepsOf(ctx, c.stageId), c.id, "id", "step").set("name", c.name);
  ctx.writes.add(`stage:${c.stageId}.steps.${c.id}.name`);
}

export function moveStep(ctx: CommandContext, c: CommandOf<"moveStep">): void {
  const steps = stepsOf(ctx, c.stageId);
  mustGet(ctx, steps, c.id, "id", "step").set(
    "order",
    keyAtIndex(siblings(steps, undefined, c.id), c.toIndex),
  );
  ctx.writes.add(`stage:${c.stageId}.steps.${c.id}.order`);
}

/** Deleting a step keeps its cards in the stage (at stage level) and drops its emotion points. */
export function deleteStep(ctx: CommandContext, c: CommandOf<"deleteStep">): void {
  const steps = stepsOf(ctx, c.stageId);
  mustGet(ctx, steps, c.id, "id", "step");
  steps.delete(c.id);
  ctx.r.cards.forEach((card, id) => {
    if (card.get("stepId") === c.id) {
      card.set("stepId", null);
      ctx.writes.add(`card:${id}.position`);
    }
  });
  const points: string[] = [];
  ctx.r.emotions.forEach((p, key) => {
    if (p.get("stepId") === c.id) points.push(key);
  });
  for (const key of points) ctx.r.emotions.delete(key);
  ctx.writes.add(`stage:${c.stageId}.steps.${c.id}`);
}

export function addLane(ctx: CommandContext, c: CommandOf<"addLane">): void {
  if (c.personaId && !ctx.r.personas.has(c.personaId))
    fail(ctx, "personaId", "persona is not attached to the map");
  const id = takeId(ctx, ctx.r.lanes, c.id);
  const order = keyAtIndex(siblings(ctx.r.lanes), c.index ?? end);
  const name = c.name ?? LANE_TYPES[c.laneType].label;
  ctx.r.lanes.set(
    id,
    laneToY({
      id: id as never,
      type: c.laneType,
      name,
      order,
      collapsed: false,
      personaId: c.personaId ?? null,
    }),
  );
  ctx.writes.add(`lane:${id}`);
}

export function renameLane(ctx: CommandContext, c: CommandOf<"renameLane">): void {
  mustGet(ctx, ctx.r.lanes, c.id, "id", "lane").set("name", c.name);
  ctx.writes.add(`lane:${c.id}.name`);
}

export function moveLane(ctx: CommandContext, c: CommandOf<"moveLane">): void {
  const l = mustGet(ctx, ctx.r.lanes, c.id, "id", "lane");
  l.set("order", keyAtIndex(siblings(ctx.r.lanes, undefined, c.id), c.toIndex));
  ctx.writes.add(`lane:${c.id}.order`);
}

export function setLaneCollapsed(ctx: CommandContext, c: CommandOf<"setLaneCollapsed">): void {
  mustGet(ctx, ctx.r.lanes, c.id, "id", "lane").set("collapsed", c.collapsed);
  ctx.writes.add(`lane:${c.id}.collapsed`);
}

export function deleteLane(ctx: CommandContext, c: CommandOf<"deleteLane">): void {
  mustGet(ctx, ctx.r.lanes, c.id, "id", "lane");
  deleteCardsWhere(ctx, (card) => card.get("laneId") === c.id);
  ctx.r.lanes.delete(c.id);
  ctx.writes.add(`lane:${c.id}`);
}
