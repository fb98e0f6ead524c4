import { LaneIdSchema, PersonaIdSchema } from "../../model/ids.ts";
import { LANE_TYPES, LaneTypeSchema } from "../../model/lane-types.ts";
import { laneToY } from "../../ydoc/to-ydoc.ts";
import { fail } from "../context.ts";
import { defineCommand } from "../define.ts";
import { placeNew } from "../entity-ops.ts";
import { commandSchema, index, name } from "../fields.ts";

/** Adds a lane (a row) of a lane type, named after the type unless a name is given. */
export const schema = commandSchema("addLane", {
  id: LaneIdSchema.optional(),
  laneType: LaneTypeSchema,
  name: name.optional(),
  index,
  personaId: PersonaIdSchema.nullable().optional(),
});

export const command = defineCommand({
  schema,
  creates: true,
  apply(ctx, c) {
    if (c.personaId && !ctx.r.personas.has(c.personaId))
      fail(ctx, "personaId", "persona is not attached to the map");
    const { id, order } = placeNew(ctx, "lanes", c);
    ctx.r.lanes.set(
      id,
      laneToY({
        id: id as never,
        type: c.laneType,
        name: c.name ?? LANE_TYPES[c.laneType].label,
        order,
        collapsed: false,
        personaId: c.personaId ?? null,
      }),
    );
    ctx.writes.add(`lane:${id}`);
  },
  invert: (_m, c) => (c.id ? [{ type: "deleteLane", id: c.id }] : []),
  describe: (c) => `New lane “${c.name ?? LANE_TYPES[c.laneType].label}”`,
});
