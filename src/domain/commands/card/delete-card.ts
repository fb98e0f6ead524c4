import { CardIdSchema } from "../../model/ids.ts";
import { mustGet } from "../context.ts";
import { defineCommand } from "../define.ts";
import { commandSchema } from "../fields.ts";
import { recreateCard, relinkRules } from "../restore.ts";

/** Deletes a card; rules linked to it (as touchpoint) lose the link. */
export const schema = commandSchema("deleteCard", { id: CardIdSchema });

export const command = defineCommand({
  schema,
  apply(ctx, c) {
    mustGet(ctx, ctx.r.cards, c.id, "id", "card");
    ctx.r.cards.delete(c.id);
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
