import { CardIdSchema } from "../../model/ids.ts";
import { defineCommand } from "../define.ts";
import { removeEntity } from "../entity-ops.ts";
import { commandSchema } from "../fields.ts";
import { recreateCard, relinkRules } from "../restore.ts";

/** Deletes a card; rules linked to it (as touchpoint) lose the link. */
export const schema = commandSchema("deleteCard", { id: CardIdSchema });

export const command = defineCommand({
  schema,
  apply(ctx, c) {
    removeEntity(ctx, "cards", c.id, "card");
    ctx.r.rules.forEach((rule, id) => {
      if (rule.get("touchpointId") !== c.id) return;
      rule.set("touchpointId", null);
      ctx.writes.add(`rule:${id}.touchpointId`);
    });
    ctx.writes.add(`card:${c.id}`);
  },
  invert(m, c) {
    const card = m.cards.find((x) => x.id === c.id);
    return card ? [...recreateCard(m, card), ...relinkRules(m, new Set([card.id as string]))] : [];
  },
  describe: () => "Card deleted",
});
