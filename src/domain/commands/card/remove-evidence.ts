import { CardIdSchema, EvidenceIdSchema } from "../../model/ids.ts";
import { fail, mustGet } from "../context.ts";
import { defineCommand } from "../define.ts";
import { commandSchema } from "../fields.ts";

/** Removes a cited piece of evidence from a card. */
export const schema = commandSchema("removeEvidence", { cardId: CardIdSchema, evidenceId: EvidenceIdSchema });

export const command = defineCommand({
  schema,
  apply(ctx, c) {
    const card = mustGet(ctx, ctx.r.cards, c.cardId, "cardId", "card");
    const list = (card.get("evidence") as { id: string }[] | undefined) ?? [];
    if (!list.some((e) => e.id === c.evidenceId))
      fail(ctx, "evidenceId", `card does not cite "${c.evidenceId}"`);
    card.set(
      "evidence",
      list.filter((e) => e.id !== c.evidenceId),
    );
    ctx.writes.add(`card:${c.cardId}.evidence`);
  },
  invert(m, c) {
    const ev = m.cards.find((x) => x.id === c.cardId)?.evidence.find((e) => e.id === c.evidenceId);
    return ev ? [{ type: "addEvidence", cardId: c.cardId, evidence: ev }] : [];
  },
  describe: () => "Evidence removed",
});
