import * as Y from "yjs";

/**
 * Layout of a map's Y.Doc (the canonical form of a journey map):
 * - `meta`: Y.Map of map properties (goal and scope flattened as `goal.statement`, …) and
 *   `schemaVersion`, the layout version (migrations.ts; absent = 0, before versioning)
 * - `personas`: Y.Map personaId → order key (attached personas)
 * - `phases`, `stages`, `lanes`, `cards`: Y.Map id → Y.Map of the entity's fields;
 *   a stage's `steps` is a nested Y.Map stepId → Y.Map; a card's `text` is a Y.Text and its
 *   `fields` a Y.Map, so concurrent edits of different fields (or of one text) merge.
 * - `emotions`: Y.Map `${personaId|-}|${stageId}|${stepId|-}` → Y.Map of the point.
 * - `rules`: Y.Map ruleId → Y.Map of an activity-mapping rule (data overlay).
 * Entities refer to each other by id; `fromYDoc` drops or repairs references left dangling by
 * concurrent edits (a card added to a stage another person deleted is gone with the stage).
 */
export type YEntity = Y.Map<unknown>;

/** Root maps of a map document. */
export interface MapRoots {
  meta: Y.Map<unknown>;
  personas: Y.Map<string>;
  phases: Y.Map<YEntity>;
  stages: Y.Map<YEntity>;
  lanes: Y.Map<YEntity>;
  cards: Y.Map<YEntity>;
  emotions: Y.Map<YEntity>;
  rules: Y.Map<YEntity>;
}

/** The root maps of a document. */
export function roots(doc: Y.Doc): MapRoots {
  return {
    meta: doc.getMap("meta"),
    personas: doc.getMap("personas"),
    phases: doc.getMap("phases"),
    stages: doc.getMap("stages"),
    lanes: doc.getMap("lanes"),
    cards: doc.getMap("cards"),
    emotions: doc.getMap("emotions"),
    rules: doc.getMap("rules"),
  };
}

/** Key of an emotion point in the `emotions` map. */
export function emotionKey(personaId: string | null, stageId: string, stepId: string | null): string {
  return `${personaId ?? "-"}|${stageId}|${stepId ?? "-"}`;
}

/** A Y.Map filled with the given plain values. */
export function yMapOf(values: Record<string, unknown>): YEntity {
  const m = new Y.Map<unknown>();
  for (const [k, v] of Object.entries(values)) m.set(k, v);
  return m;
}

/** A Y.Text holding the given string. */
export function yTextOf(value: string): Y.Text {
  const t = new Y.Text();
  t.insert(0, value);
  return t;
}

/**
 * Replaces a Y.Text's content with `next` by deleting and inserting only the middle that differs,
 * so that a concurrent edit elsewhere in the same text survives the merge.
 */
export function setText(text: Y.Text, next: string): void {
  const prev = text.toString();
  if (prev === next) return;
  let start = 0;
  while (start < prev.length && start < next.length && prev[start] === next[start]) start++;
  let endPrev = prev.length;
  let endNext = next.length;
  while (endPrev > start && endNext > start && prev[endPrev - 1] === next[endNext - 1]) {
    endPrev--;
    endNext--;
  }
  if (endPrev > start) text.delete(start, endPrev - start);
  if (endNext > start) text.insert(start, next.slice(start, endNext));
}
