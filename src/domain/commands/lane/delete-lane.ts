import { LaneIdSchema } from "../../model/ids.ts";
import { mustGet } from "../context.ts";
import { defineCommand } from "../define.ts";
import { deleteCardsWhere } from "../entity-ops.ts";
import { commandSchema } from "../fields.ts";
import type { MapCommand } from "../registry.ts";
import { indexOf, recreateCards, relinkRules } from "../restore.ts";

/** Deletes a lane with its cards. */
export const schema = commandSchema("deleteLane", { id: LaneIdSchema });

export const command = defineCommand({
  schema,
  apply(ctx, c) {
    mustGet(ctx, ctx.r.lanes, c.id, "id", "lane");
    deleteCardsWhere(ctx, (card) => card.get("laneId") === c.id);
    ctx.r.lanes.delete(c.id);
    ctx.writes.add(`lane:${c.id}`);
  },
  invert(m, c) {
    const l = m.lanes.find((x) => x.id === c.id);
    if (!l) return [];
    const cards = m.cards.filter((x) => x.laneId === l.id);
    return [
      {
        type: "addLane",
        id: l.id,
        laneType: l.type,
        name: l.name,
        index: indexOf(m.lanes, l.id),
        personaId: l.personaId,
      },
      ...(l.collapsed ? [{ type: "setLaneCollapsed", id: l.id, collapsed: true } as MapCommand] : []),
      ...recreateCards(m, cards),
      ...relinkRules(m, new Set(cards.map((x) => x.id as string))),
    ];
  },
  describe: () => "Lane deleted",
});
