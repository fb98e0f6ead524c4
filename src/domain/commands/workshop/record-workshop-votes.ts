import type * as Y from "yjs";
import { z } from "zod";
import { MAX_CARD_VOTES } from "../../model/card.ts";
import { EvidenceLinkSchema } from "../../model/evidence.ts";
import { CardIdSchema } from "../../model/ids.ts";
import { fail, mustGet } from "../context.ts";
import { defineCommand } from "../define.ts";
import { commandSchema } from "../fields.ts";

/**
 * Keeps a revealed workshop vote on a pain point or idea: its `votes` (a priority tie-breaker)
 * and, when it got dots, an evidence entry of kind `workshop`; an assumed card becomes observed.
 */
export const schema = commandSchema("recordWorkshopVotes", {
  cardId: CardIdSchema,
  votes: z.number().int().min(0).max(MAX_CARD_VOTES),
  evidence: EvidenceLinkSchema.nullable(),
});

export const command = defineCommand({
  schema,
  apply(ctx, c) {
    const card = mustGet(ctx, ctx.r.cards, c.cardId, "cardId", "card");
    const fieldsY = card.get("fields") as Y.Map<unknown>;
    const kind = fieldsY.get("kind");
    if (kind !== "pain" && kind !== "idea")
      fail(ctx, "cardId", `card "${c.cardId}" is not a pain point or idea; only those get votes`);
    fieldsY.set("votes", c.votes);
    ctx.writes.add(`card:${c.cardId}.fields.votes`);
    if (!c.evidence) return;
    const list = (card.get("evidence") as { id: string }[] | undefined) ?? [];
    if (list.some((e) => e.id === c.evidence?.id))
      fail(ctx, "evidence.id", `card already cites "${c.evidence.id}"`);
    card.set("evidence", [...list, c.evidence]);
    ctx.writes.add(`card:${c.cardId}.evidence`);
    if (card.get("confidence") === "assumed") {
      card.set("confidence", "observed");
      ctx.writes.add(`card:${c.cardId}.confidence`);
    }
  },
  invert(m, c) {
    const card = m.cards.find((x) => x.id === c.cardId);
    if (!card || (card.fields.kind !== "pain" && card.fields.kind !== "idea")) return [];
    return [
      ...(c.evidence
        ? [{ type: "removeEvidence" as const, cardId: c.cardId, evidenceId: c.evidence.id }]
        : []),
      { type: "updateCard", id: c.cardId, confidence: card.confidence, fields: { votes: card.fields.votes } },
    ];
  },
  describe: (c) => `Workshop votes: ${c.votes}`,
});
