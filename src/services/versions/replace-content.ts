import type * as Y from "yjs";
import {
  cardToY,
  emotionKey,
  emotionToY,
  fromYDoc,
  type JourneyMap,
  laneToY,
  phaseToY,
  roots,
  ruleToY,
  stageToY,
  writeProperties,
  type YEntity,
} from "../../domain/index.ts";

/** Makes one root collection hold exactly `target` (by key): removed keys go, changed entities are rewritten. */
function sync<T>(
  coll: Y.Map<YEntity>,
  prefix: string,
  current: readonly T[],
  target: readonly T[],
  key: (x: T) => string,
  toY: (x: T) => YEntity,
  writes: Set<string>,
): void {
  const now = new Map(current.map((x) => [key(x), JSON.stringify(x)]));
  const wanted = new Set(target.map(key));
  for (const k of [...coll.keys()])
    if (!wanted.has(k)) {
      coll.delete(k);
      writes.add(`${prefix}:${k}`);
    }
  for (const x of target) {
    const k = key(x);
    if (now.get(k) === JSON.stringify(x)) continue;
    coll.set(k, toY(x));
    writes.add(`${prefix}:${k}`);
  }
}

/**
 * Rewrites a map document so that it reads as `target` (a saved version), as one transaction
 * touching only what differs: a restore is an ordinary change that merges with live edits and
 * can itself be restored away. Returns the conflict keys it wrote.
 */
export function replaceContent(doc: Y.Doc, target: JourneyMap, now: string, origin?: unknown): string[] {
  const writes = new Set<string>();
  const r = roots(doc);
  const current = fromYDoc(doc, { validate: false });
  doc.transact(() => {
    const {
      id: _id,
      personaIds,
      phases,
      stages,
      lanes,
      cards,
      emotionPoints,
      activityRules,
      createdAt: _c,
      updatedAt: _u,
      ...props
    } = target;
    const {
      id: _i2,
      personaIds: _p2,
      phases: _ph,
      stages: _s2,
      lanes: _l2,
      cards: _c2,
      emotionPoints: _e2,
      activityRules: _r2,
      createdAt: _c3,
      updatedAt: _u3,
      ...nowProps
    } = current;
    if (JSON.stringify(props) !== JSON.stringify(nowProps)) {
      writeProperties(r.meta, props);
      writes.add("meta:title");
    }
    if (JSON.stringify(personaIds) !== JSON.stringify(current.personaIds)) {
      for (const k of [...r.personas.keys()]) r.personas.delete(k);
      personaIds.forEach((p, i) => {
        r.personas.set(p, `a${i.toString(36).padStart(3, "0")}`);
        writes.add(`persona:${p}`);
      });
    }
    sync(r.phases, "phase", current.phases, phases, (x) => x.id, phaseToY, writes);
    sync(r.stages, "stage", current.stages, stages, (x) => x.id, stageToY, writes);
    sync(r.lanes, "lane", current.lanes, lanes, (x) => x.id, laneToY, writes);
    sync(r.cards, "card", current.cards, cards, (x) => x.id, cardToY, writes);
    sync(r.rules, "rule", current.activityRules, activityRules, (x) => x.id, ruleToY, writes);
    const ek = (p: (typeof emotionPoints)[number]) => emotionKey(p.personaId, p.stageId, p.stepId);
    sync(r.emotions, "emotion", current.emotionPoints, emotionPoints, ek, emotionToY, writes);
    r.meta.set("updatedAt", now);
  }, origin);
  return [...writes];
}
