import { EvidenceLinkSchema } from "../../model/evidence.ts";
import { CardIdSchema } from "../../model/ids.ts";
import { fail, mustGet } from "../context.ts";
import { defineCommand } from "../define.ts";
import { commandSchema } from "../fields.ts";

/** Cites a piece of evidence on a card. */
export const schema = commandSchema("addEvidence", { cardId: CardIdSchema, evidence: EvidenceLinkSchema });

export const command = defineCommand({
  schema,
  apply(ctx, c) {
    const card = mustGet(ctx, ctx.r.cards, c.cardId, "cardId", "card");
    const list = (card.get("evidence") as { id: string }[] | undefined) ?? [];
    if (list.some((e) => e.id === c.evidence.id))
      fail(ctx, "evidence.id", `card already cites "${c.evidence.id}"`);
    card.set("evidence", [...list, c.evidence]);
    ctx.writes.add(`card:${c.cardId}.evidence`);
  },
  invert: (_m, c) => [{ type: "removeEvidence", cardId: c.cardId, evidenceId: c.evidence.id }],
  describe: (c) => `Evidence “${c.evidence.title}”`,
});
