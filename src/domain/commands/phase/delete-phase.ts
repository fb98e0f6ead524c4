import { PhaseIdSchema } from "../../model/ids.ts";
import { defineCommand } from "../define.ts";
import { removeEntity } from "../entity-ops.ts";
import { commandSchema } from "../fields.ts";
import type { MapCommand } from "../registry.ts";
import { indexOf } from "../restore.ts";

/** Deletes a phase; its stages stay, without a phase. */
export const schema = commandSchema("deletePhase", { id: PhaseIdSchema });

export const command = defineCommand({
  schema,
  apply(ctx, c) {
    removeEntity(ctx, "phases", c.id, "phase");
    ctx.r.stages.forEach((s, sid) => {
      if (s.get("phaseId") === c.id) {
        s.set("phaseId", null);
        ctx.writes.add(`stage:${sid}.phaseId`);
      }
    });
    ctx.writes.add(`phase:${c.id}`);
  },
  invert(m, c) {
    const p = m.phases.find((x) => x.id === c.id);
    if (!p) return [];
    const restore: MapCommand[] = [
      { type: "addPhase", id: p.id, name: p.name, color: p.color, index: indexOf(m.phases, p.id) },
    ];
    for (const s of m.stages)
      if (s.phaseId === p.id) restore.push({ type: "updateStage", id: s.id, phaseId: p.id });
    return restore;
  },
  describe: () => "Phase deleted",
});
