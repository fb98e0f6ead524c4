import * as Y from "yjs";
import { CardSchema, fromYDoc, roots } from "../../domain/index.ts";
import type { CollabLimits } from "./limits.ts";

/**
 * The guard's copy of a live map. `shown` is set while the copy is known to pass problemOf: the
 * ids of the cards its map shows (then a text-only update needs only its texts checked).
 */
export interface Shadow {
  doc: Y.Doc;
  shown: Set<string> | null;
}

/** Why the map resulting from `doc` breaks a rule, or null when it is acceptable. */
export function problemOf(doc: Y.Doc, limits: CollabLimits): string | null {
  return fullCheck(doc, limits).problem;
}

/** A shadow of `doc` checked whole once (so the first update of a valid map is checked incrementally). */
export function shadowOf(doc: Y.Doc, limits: CollabLimits): Shadow {
  return { doc, shown: fullCheck(doc, limits).shown };
}

/** problemOf, and the cards the valid map shows (orphans of concurrent deletes are not shown). */
function fullCheck(doc: Y.Doc, limits: CollabLimits): { problem: string | null; shown: Set<string> | null } {
  const r = roots(doc);
  if (r.cards.size > limits.maxCardsPerMap)
    return { problem: `a map holds at most ${limits.maxCardsPerMap} cards (${r.cards.size})`, shown: null };
  for (const [id, card] of r.cards.entries()) {
    const text = card instanceof Y.Map ? card.get("text") : null;
    if (text instanceof Y.Text && text.length > limits.maxCardText)
      return { problem: `card ${id}: text longer than ${limits.maxCardText} characters`, shown: null };
  }
  try {
    return { problem: null, shown: new Set(fromYDoc(doc).cards.map((c) => c.id)) };
  } catch (e) {
    return { problem: `the map would not be valid: ${(e as Error).message.slice(0, 300)}`, shown: null };
  }
}

const CARD_TEXT = CardSchema.shape.text;

/**
 * The cards whose text is all that transaction `tr` changed, or null when it changed anything else
 * (a key of any map, a type that is not a card's text). Such a change cannot alter the map's
 * structure, references, card count or which cards it shows: only those texts need checking.
 */
export function textOnlyCards(doc: Y.Doc, tr: Y.Transaction): string[] | null {
  const cards = roots(doc).cards;
  const ids: string[] = [];
  for (const type of tr.changed.keys()) {
    if (!(type instanceof Y.Text)) return null;
    const card = type.parent;
    if (type._item?.parentSub !== "text" || !(card instanceof Y.Map) || card.parent !== cards) return null;
    const id = card._item?.parentSub;
    if (!id || cards.get(id) !== card) return null;
    ids.push(id);
  }
  return ids;
}

/** What problemOf says of texts `ids`: the length limit for every card, the schema for shown ones. */
function problemOfTexts(
  doc: Y.Doc,
  ids: readonly string[],
  shown: ReadonlySet<string>,
  limits: CollabLimits,
) {
  const cards = roots(doc).cards;
  for (const id of ids) {
    const text = (cards.get(id) as Y.Map<unknown> | undefined)?.get("text");
    if (!(text instanceof Y.Text)) continue;
    if (text.length > limits.maxCardText)
      return `card ${id}: text longer than ${limits.maxCardText} characters`;
    if (!shown.has(id)) continue;
    const r = CARD_TEXT.safeParse(text.toString());
    if (!r.success)
      return `the map would not be valid: card ${id}: ${r.error.issues[0]?.message ?? "bad text"}`;
  }
  return null;
}

/**
 * Applies `update` to the shadow and says why the resulting map breaks a rule, or null. When the
 * shadow is known valid and the update only changed card texts, only those texts are checked —
 * the same answer as problemOf on the whole map (shadow-check.test.ts proves it); else the whole
 * map is. `shown` follows (null after a rejection: validity unknown until the next full check).
 */
export function applyAndCheck(shadow: Shadow, update: Uint8Array, limits: CollabLimits): string | null {
  const doc = shadow.doc;
  let touched: string[] | null = null;
  const watch = (tr: Y.Transaction) => {
    touched = textOnlyCards(doc, tr);
  };
  doc.on("afterTransaction", watch);
  try {
    Y.applyUpdate(doc, update);
  } finally {
    doc.off("afterTransaction", watch);
  }
  const ids = touched as string[] | null;
  if (shadow.shown && ids) {
    const problem = problemOfTexts(doc, ids, shadow.shown, limits);
    if (problem) shadow.shown = null;
    return problem;
  }
  const { problem, shown } = fullCheck(doc, limits);
  shadow.shown = shown;
  return problem;
}
