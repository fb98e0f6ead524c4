import { CardSchema } from "../../model/card.ts";
import { PhaseIdSchema } from "../../model/ids.ts";
import { phaseToY } from "../../ydoc/to-ydoc.ts";
import { defineCommand } from "../define.ts";
import { placeNew } from "../entity-ops.ts";
import { commandSchema, index, name } from "../fields.ts";

/** Adds a phase (a group of stages). */
export const schema = commandSchema("addPhase", {
  id: PhaseIdSchema.optional(),
  name,
  color: CardSchema.shape.color.optional(),
  index,
});

export const command = defineCommand({
  schema,
  creates: true,
  apply(ctx, c) {
    const { id, order } = placeNew(ctx, "phases", c);
    ctx.r.phases.set(id, phaseToY({ id: id as never, name: c.name, order, color: c.color ?? null }));
    ctx.writes.add(`phase:${id}`);
  },
  invert: (_m, c) => (c.id ? [{ type: "deletePhase", id: c.id }] : []),
  describe: (c) => `New phase “${c.name}”`,
});
