import { CardSchema } from "../../model/card.ts";
import { PhaseIdSchema } from "../../model/ids.ts";
import { keyAtIndex } from "../../ordering.ts";
import { phaseToY } from "../../ydoc/to-ydoc.ts";
import { siblings, takeId } from "../context.ts";
import { defineCommand } from "../define.ts";
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
    const id = takeId(ctx, ctx.r.phases, c.id);
    const order = keyAtIndex(siblings(ctx.r.phases), c.index ?? Number.MAX_SAFE_INTEGER);
    ctx.r.phases.set(id, phaseToY({ id: id as never, name: c.name, order, color: c.color ?? null }));
    ctx.writes.add(`phase:${id}`);
  },
  invert: (_m, c) => (c.id ? [{ type: "deletePhase", id: c.id }] : []),
  describe: (c) => `New phase “${c.name}”`,
});
