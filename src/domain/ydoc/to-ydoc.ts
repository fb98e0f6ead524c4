import * as Y from "yjs";
import type { ActivityRule } from "../model/activity-rule.ts";
import type { Card } from "../model/card.ts";
import type { JourneyMap, MapProperties } from "../model/journey-map.ts";
import type { EmotionPoint, Lane, Phase, Stage } from "../model/structure.ts";
import { initialKeys } from "../ordering.ts";
import { emotionKey, roots, type YEntity, yMapOf, yTextOf } from "./layout.ts";
import { SCHEMA_VERSION } from "./migrations.ts";

/** Writes map properties into the `meta` map (goal and scope flattened). */
export function writeProperties(meta: Y.Map<unknown>, props: Partial<MapProperties>): void {
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined) continue;
    if (key === "goal" || key === "scope") {
      for (const [sub, v] of Object.entries(value as Record<string, unknown>)) meta.set(`${key}.${sub}`, v);
    } else {
      meta.set(key, value);
    }
  }
}

/** Y.Map of a phase. */
export function phaseToY(p: Phase): YEntity {
  return yMapOf({ name: p.name, order: p.order, color: p.color });
}

/** Y.Map mapId → order key of a stage's sub-journey links (concurrent links of two maps both stay). */
export function subJourneysToY(ids: readonly string[]): Y.Map<string> {
  const links = new Y.Map<string>();
  const keys = initialKeys(ids.length);
  ids.forEach((id, i) => links.set(id, keys[i] as string));
  return links;
}

/** Y.Map of a stage with its steps. */
export function stageToY(s: Stage): YEntity {
  const steps = new Y.Map<YEntity>();
  for (const st of s.steps) steps.set(st.id, yMapOf({ name: st.name, order: st.order }));
  const m = yMapOf({
    name: s.name,
    order: s.order,
    phaseId: s.phaseId,
    description: s.description,
    momentOfTruth: s.momentOfTruth,
  });
  m.set("steps", steps);
  m.set("subJourneys", subJourneysToY(s.subJourneyIds));
  // A plain value: an SLA is replaced as a whole (target and label belong together).
  if (s.sla) m.set("sla", { ...s.sla });
  return m;
}

/** Y.Map of a lane. */
export function laneToY(l: Lane): YEntity {
  return yMapOf({
    type: l.type,
    name: l.name,
    order: l.order,
    collapsed: l.collapsed,
    personaId: l.personaId,
  });
}

/** Y.Map of a card's typed fields. */
export function fieldsToY(fields: Card["fields"]): Y.Map<unknown> {
  return yMapOf({ ...fields });
}

/** Y.Map of a card (text as Y.Text, fields as nested Y.Map). */
export function cardToY(c: Card): YEntity {
  const m = yMapOf({
    laneId: c.laneId,
    stageId: c.stageId,
    stepId: c.stepId,
    order: c.order,
    color: c.color,
    confidence: c.confidence,
    evidence: c.evidence,
    isSample: c.isSample,
  });
  m.set("text", yTextOf(c.text));
  m.set("fields", fieldsToY(c.fields));
  return m;
}

/** Y.Map of an emotion point. */
export function emotionToY(p: EmotionPoint): YEntity {
  return yMapOf({ ...p });
}

/** Y.Map of an activity-mapping rule. */
export function ruleToY(rule: ActivityRule): YEntity {
  const { id: _id, ...rest } = rule;
  return yMapOf(rest);
}

/** Builds the canonical Y.Doc of a plain map (used for new maps, templates and imports). */
export function toYDoc(map: JourneyMap): Y.Doc {
  const doc = new Y.Doc();
  const r = roots(doc);
  doc.transact(() => {
    const {
      id,
      personaIds,
      phases,
      stages,
      lanes,
      cards,
      emotionPoints,
      activityRules,
      createdAt,
      updatedAt,
      ...props
    } = map;
    writeProperties(r.meta, { ...props });
    r.meta.set("schemaVersion", SCHEMA_VERSION);
    r.meta.set("id", id);
    r.meta.set("createdAt", createdAt);
    r.meta.set("updatedAt", updatedAt);
    const keys = initialKeys(personaIds.length);
    personaIds.forEach((p, i) => r.personas.set(p, keys[i] ?? "a0"));
    for (const p of phases) r.phases.set(p.id, phaseToY(p));
    for (const s of stages) r.stages.set(s.id, stageToY(s));
    for (const l of lanes) r.lanes.set(l.id, laneToY(l));
    for (const c of cards) r.cards.set(c.id, cardToY(c));
    for (const p of emotionPoints)
      r.emotions.set(emotionKey(p.personaId, p.stageId, p.stepId), emotionToY(p));
    for (const rule of activityRules) r.rules.set(rule.id, ruleToY(rule));
  });
  return doc;
}
