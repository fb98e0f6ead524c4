import { z } from "zod";
import { PhaseIdSchema, StageIdSchema } from "../../model/ids.ts";
import { StageSlaSchema } from "../../model/stage-sla.ts";
import { text } from "../../model/text.ts";
import { mustGet } from "../context.ts";
import { defineCommand } from "../define.ts";
import { commandSchema } from "../fields.ts";

/** Changes a stage's description, moment-of-truth flag, phase or stated SLA (null clears it). */
export const schema = commandSchema("updateStage", {
  id: StageIdSchema,
  description: text().max(5000).optional(),
  momentOfTruth: z.boolean().optional(),
  phaseId: PhaseIdSchema.nullable().optional(),
  sla: StageSlaSchema.nullable().optional(),
});

const KEYS = ["description", "momentOfTruth", "phaseId"] as const;

export const command = defineCommand({
  schema,
  apply(ctx, c) {
    const s = mustGet(ctx, ctx.r.stages, c.id, "id", "stage");
    if (c.phaseId) mustGet(ctx, ctx.r.phases, c.phaseId, "phaseId", "phase");
    for (const key of KEYS) {
      if (c[key] === undefined) continue;
      s.set(key, c[key]);
      ctx.writes.add(`stage:${c.id}.${key}`);
    }
    if (c.sla !== undefined) {
      if (c.sla === null) s.delete("sla");
      else s.set("sla", { ...c.sla });
      ctx.writes.add(`stage:${c.id}.sla`);
    }
  },
  invert(m, c) {
    const s = m.stages.find((x) => x.id === c.id);
    if (!s) return [];
    const back: typeof c = { type: "updateStage", id: c.id };
    if (c.description !== undefined) back.description = s.description;
    if (c.momentOfTruth !== undefined) back.momentOfTruth = s.momentOfTruth;
    if (c.phaseId !== undefined) back.phaseId = s.phaseId;
    if (c.sla !== undefined) back.sla = s.sla ?? null;
    return [back];
  },
  describe: () => "Stage details",
});
