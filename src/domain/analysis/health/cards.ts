import type { Card, FieldsOf } from "../../model/card.ts";
import type { CardKind } from "../../model/lane-types.ts";

/** A card known to hold fields of kind `K`. */
export type CardOf<K extends CardKind> = Card & { fields: FieldsOf<K> };

/** Cards of one kind, in map order. */
export function cardsOfKind<K extends CardKind>(cards: readonly Card[], kind: K): CardOf<K>[] {
  return cards.filter((c): c is CardOf<K> => c.fields.kind === kind);
}

/** True for null, empty or whitespace-only text. */
export function isBlank(text: string | null | undefined): boolean {
  return !text || text.trim() === "";
}

/** A card's text shortened for messages: first line, at most 60 characters, quoted. */
export function quote(card: Pick<Card, "text">, fallback = "untitled card"): string {
  const line = card.text.trim().split("\n")[0] ?? "";
  if (line === "") return fallback;
  return `“${line.length > 60 ? `${line.slice(0, 59)}…` : line}”`;
}
