import type * as Y from "yjs";
import { type Card, type CardFields, CardSchema } from "../../model/card.ts";
import { ConfidenceSchema } from "../../model/evidence.ts";
import { CardIdSchema } from "../../model/ids.ts";
import { setText } from "../../ydoc/layout.ts";
import { mustGet } from "../context.ts";
import { defineCommand } from "../define.ts";
import { commandSchema, FieldsPatchSchema } from "../fields.ts";
import { replaceEntity } from "../plain.ts";
import { mergeFields } from "./card-checks.ts";

/** Changes a card's text, colour, confidence or typed fields (kind is fixed by the lane). */
export const schema = commandSchema("updateCard", {
  id: CardIdSchema,
  text: CardSchema.shape.text.optional(),
  color: CardSchema.shape.color.optional(),
  confidence: ConfidenceSchema.optional(),
  fields: FieldsPatchSchema.optional(),
});

export const command = defineCommand({
  schema,
  apply(ctx, c) {
    const card = mustGet(ctx, ctx.r.cards, c.id, "id", "card");
    const fieldsY = card.get("fields") as Y.Map<unknown>;
    if (c.text !== undefined) {
      setText(card.get("text") as Y.Text, c.text);
      ctx.writes.add(`card:${c.id}.text`);
    }
    for (const key of ["color", "confidence"] as const) {
      if (c[key] === undefined) continue;
      card.set(key, c[key]);
      ctx.writes.add(`card:${c.id}.${key}`);
    }
    if (c.fields) {
      const merged = mergeFields(ctx, fieldsY.toJSON() as CardFields, c.fields) as Record<string, unknown>;
      for (const key of Object.keys(c.fields)) {
        fieldsY.set(key, merged[key]);
        ctx.writes.add(`card:${c.id}.fields.${key}`);
      }
    }
  },
  invert(m, c) {
    const card = m.cards.find((x) => x.id === c.id);
    if (!card) return [];
    const back: typeof c = { type: "updateCard", id: c.id };
    if (c.text !== undefined) back.text = card.text;
    if (c.color !== undefined) back.color = card.color;
    if (c.confidence !== undefined) back.confidence = card.confidence;
    if (c.fields) {
      const old = card.fields as Record<string, unknown>;
      back.fields = Object.fromEntries(Object.keys(c.fields).map((k) => [k, old[k]]));
    }
    return [back];
  },
  describe: (c) => (c.text !== undefined ? `Card text: “${c.text}”` : "Card details"),
  patchPlain(map, c) {
    if (c.fields) return null; // typed fields are checked per kind: take the full path
    return replaceEntity(
      map,
      "cards",
      c.id,
      (card): Card => ({
        ...card,
        text: c.text ?? card.text,
        color: c.color === undefined ? card.color : c.color,
        confidence: c.confidence ?? card.confidence,
      }),
    );
  },
});
