import { convertLevel, type EmotionScale } from "../model/emotion-scale.ts";
import { keyAtIndex } from "../ordering.ts";
import { emotionKey, yMapOf } from "../ydoc/layout.ts";
import { writeProperties } from "../ydoc/to-ydoc.ts";
import { type CommandContext, fail, mustGet } from "./context.ts";
import type { CommandOf } from "./schema.ts";

export function setMapProperties(ctx: CommandContext, c: CommandOf<"setMapProperties">): void {
  writeProperties(ctx.r.meta, c.patch as never);
  for (const [key, value] of Object.entries(c.patch)) {
    if (key === "goal" || key === "scope") {
      for (const sub of Object.keys(value as object)) ctx.writes.add(`meta:${key}.${sub}`);
    } else ctx.writes.add(`meta:${key}`);
  }
}

/** Changes the scale; existing points are converted linearly unless `convertPoints` is false (then clamped). */
export function setEmotionScale(ctx: CommandContext, c: CommandOf<"setEmotionScale">): void {
  const from = ctx.r.meta.get("emotionScale") as EmotionScale;
  ctx.r.meta.set("emotionScale", c.scale);
  ctx.r.emotions.forEach((p, key) => {
    const v = Number(p.get("value"));
    const next =
      c.convertPoints === false
        ? Math.min(c.scale.max, Math.max(c.scale.min, v))
        : convertLevel(v, from, c.scale);
    if (next !== v) p.set("value", next);
    ctx.writes.add(`emotion:${key}`);
  });
  ctx.writes.add("meta:emotionScale");
}

function pointKey(ctx: CommandContext, c: CommandOf<"setEmotion"> | CommandOf<"clearEmotion">): string {
  const stage = mustGet(ctx, ctx.r.stages, c.stageId, "stageId", "stage");
  const personaId = c.personaId ?? null;
  if (personaId && !ctx.r.personas.has(personaId))
    fail(ctx, "personaId", "persona is not attached to the map");
  const steps = stage.get("steps") as { has(id: string): boolean } | undefined;
  if (c.stepId && !steps?.has(c.stepId))
    fail(ctx, "stepId", `stage "${c.stageId}" has no step "${c.stepId}"`);
  ctx.reads.add(`stage:${c.stageId}`);
  return emotionKey(personaId, c.stageId, c.stepId ?? null);
}

export function setEmotion(ctx: CommandContext, c: CommandOf<"setEmotion">): void {
  const scale = ctx.r.meta.get("emotionScale") as EmotionScale;
  if (c.value < scale.min || c.value > scale.max)
    fail(ctx, "value", `emotion must be an integer in ${scale.min}…${scale.max} (the map's scale)`);
  const key = pointKey(ctx, c);
  const existing = ctx.r.emotions.get(key);
  if (existing) {
    existing.set("value", c.value);
    if (c.emoji !== undefined) existing.set("emoji", c.emoji);
    if (c.reason !== undefined) existing.set("reason", c.reason);
    existing.set("isSample", false);
  } else {
    ctx.r.emotions.set(
      key,
      yMapOf({
        personaId: c.personaId ?? null,
        stageId: c.stageId,
        stepId: c.stepId ?? null,
        value: c.value,
        emoji: c.emoji ?? null,
        reason: c.reason ?? "",
        isSample: false,
      }),
    );
  }
  ctx.writes.add(`emotion:${key}`);
}

export function clearEmotion(ctx: CommandContext, c: CommandOf<"clearEmotion">): void {
  const key = pointKey(ctx, c);
  if (!ctx.r.emotions.has(key)) fail(ctx, "stageId", "no emotion point there");
  ctx.r.emotions.delete(key);
  ctx.writes.add(`emotion:${key}`);
}

/** Attaches a workspace persona (its existence is checked by the service, which knows the workspace). */
export function attachPersona(ctx: CommandContext, c: CommandOf<"attachPersona">): void {
  if (ctx.r.personas.has(c.personaId)) fail(ctx, "personaId", "persona is already attached");
  const list: { id: string; order: string }[] = [];
  ctx.r.personas.forEach((order, id) => list.push({ id, order }));
  list.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
  ctx.r.personas.set(c.personaId, keyAtIndex(list, c.index ?? Number.MAX_SAFE_INTEGER));
  ctx.writes.add(`persona:${c.personaId}`);
}

/** Detaches a persona; its emotion points stay in the document (hidden) so re-attaching restores them. */
export function detachPersona(ctx: CommandContext, c: CommandOf<"detachPersona">): void {
  if (!ctx.r.personas.has(c.personaId)) fail(ctx, "personaId", "persona is not attached");
  ctx.r.personas.delete(c.personaId);
  ctx.r.lanes.forEach((l) => {
    if (l.get("personaId") === c.personaId) l.set("personaId", null);
  });
  ctx.writes.add(`persona:${c.personaId}`);
}
