import type { Card } from "../model/card.ts";
import type { JourneyMap, MapProperties } from "../model/journey-map.ts";
import type { EmotionPoint } from "../model/structure.ts";
import { RULE_INVERTERS, recreateRule, relinkRules } from "./invert-rules.ts";
import type { CommandOf, MapCommand } from "./schema.ts";

/**
 * The commands that undo `cmd`, computed against `map`, the state right before `cmd` ran.
 * Applying `cmd` then the result restores the map (order keys may differ; positions do not).
 * Returns [] for a command that changes nothing undoable. Pure; the editor's undo stack uses it.
 */
export function invertCommand(map: JourneyMap, cmd: MapCommand): MapCommand[] {
  const fn = INVERTERS[cmd.type] as (m: JourneyMap, c: MapCommand) => MapCommand[];
  return fn(map, cmd);
}

/** Inverse of a batch: the inverse of each command against the state before it, in reverse order. */
export function invertBatch(states: readonly JourneyMap[], commands: readonly MapCommand[]): MapCommand[] {
  const out: MapCommand[] = [];
  commands.forEach((c, i) => {
    out.unshift(...invertCommand(states[i] as JourneyMap, c));
  });
  return out;
}

type Inverters = { [T in MapCommand["type"]]: (m: JourneyMap, c: CommandOf<T>) => MapCommand[] };

const indexOf = <T extends { id: string }>(list: readonly T[], id: string) =>
  list.findIndex((x) => x.id === id);

function cellCards(m: JourneyMap, card: Card): Card[] {
  return m.cards.filter(
    (c) => c.laneId === card.laneId && c.stageId === card.stageId && c.stepId === card.stepId,
  );
}

/** The commands that recreate a card exactly (id, position, text, fields, evidence). */
export function recreateCard(m: JourneyMap, card: Card): MapCommand[] {
  const { kind: _kind, ...fields } = card.fields;
  const index = cellCards(m, card).findIndex((c) => c.id === card.id);
  return [
    {
      type: "addCard",
      id: card.id,
      laneId: card.laneId,
      stageId: card.stageId,
      stepId: card.stepId,
      index: Math.max(0, index),
      text: card.text,
      color: card.color,
      confidence: card.confidence,
      fields,
      isSample: card.isSample,
    },
    ...card.evidence.map((evidence): MapCommand => ({ type: "addEvidence", cardId: card.id, evidence })),
  ];
}

function restorePoint(p: EmotionPoint): MapCommand {
  return {
    type: "setEmotion",
    personaId: p.personaId,
    stageId: p.stageId,
    stepId: p.stepId,
    value: p.value,
    emoji: p.emoji,
    reason: p.reason,
  };
}

const samePoint = (p: EmotionPoint, personaId: string | null, stageId: string, stepId: string | null) =>
  p.personaId === personaId && p.stageId === stageId && p.stepId === stepId;

function oldProperties(m: JourneyMap, patch: CommandOf<"setMapProperties">["patch"]) {
  const old: Record<string, unknown> = {};
  for (const key of Object.keys(patch) as (keyof typeof patch)[]) {
    if (key === "goal" || key === "scope") {
      const cur = m[key] as unknown as Record<string, string>;
      old[key] = Object.fromEntries(Object.keys(patch[key] ?? {}).map((k) => [k, cur[k] ?? ""]));
    } else old[key] = m[key as keyof MapProperties];
  }
  return old as CommandOf<"setMapProperties">["patch"];
}

const INVERTERS: Inverters = {
  ...RULE_INVERTERS,
  setMapProperties: (m, c) => [{ type: "setMapProperties", patch: oldProperties(m, c.patch) }],
  setEmotionScale: (m) => [
    { type: "setEmotionScale", scale: m.emotionScale, convertPoints: false },
    ...m.emotionPoints.map(restorePoint),
  ],
  addPhase: (_m, c) => (c.id ? [{ type: "deletePhase", id: c.id }] : []),
  renamePhase: (m, c) => {
    const p = m.phases.find((x) => x.id === c.id);
    return p ? [{ type: "renamePhase", id: c.id, name: p.name }] : [];
  },
  movePhase: (m, c) => [{ type: "movePhase", id: c.id, toIndex: Math.max(0, indexOf(m.phases, c.id)) }],
  deletePhase: (m, c) => {
    const p = m.phases.find((x) => x.id === c.id);
    if (!p) return [];
    const restore: MapCommand[] = [
      { type: "addPhase", id: p.id, name: p.name, color: p.color, index: indexOf(m.phases, p.id) },
    ];
    for (const s of m.stages)
      if (s.phaseId === p.id) restore.push({ type: "updateStage", id: s.id, phaseId: p.id });
    return restore;
  },
  addStage: (_m, c) => (c.id ? [{ type: "deleteStage", id: c.id }] : []),
  renameStage: (m, c) => {
    const s = m.stages.find((x) => x.id === c.id);
    return s ? [{ type: "renameStage", id: c.id, name: s.name }] : [];
  },
  updateStage: (m, c) => {
    const s = m.stages.find((x) => x.id === c.id);
    if (!s) return [];
    const back: CommandOf<"updateStage"> = { type: "updateStage", id: c.id };
    if (c.description !== undefined) back.description = s.description;
    if (c.momentOfTruth !== undefined) back.momentOfTruth = s.momentOfTruth;
    if (c.phaseId !== undefined) back.phaseId = s.phaseId;
    return [back];
  },
  moveStage: (m, c) => [{ type: "moveStage", id: c.id, toIndex: Math.max(0, indexOf(m.stages, c.id)) }],
  deleteStage: (m, c) => {
    const s = m.stages.find((x) => x.id === c.id);
    if (!s) return [];
    return [
      {
        type: "addStage",
        id: s.id,
        name: s.name,
        index: indexOf(m.stages, s.id),
        phaseId: s.phaseId,
        description: s.description,
      },
      ...(s.momentOfTruth ? [{ type: "updateStage", id: s.id, momentOfTruth: true } as MapCommand] : []),
      ...s.steps.map(
        (st, i): MapCommand => ({ type: "addStep", stageId: s.id, id: st.id, name: st.name, index: i }),
      ),
      ...m.cards.filter((x) => x.stageId === s.id).flatMap((x) => recreateCard(m, x)),
      ...m.emotionPoints.filter((p) => p.stageId === s.id).map(restorePoint),
      ...m.activityRules.filter((r) => r.stageId === s.id).map((r) => recreateRule(m, r)),
    ];
  },
  addStep: (_m, c) => (c.id ? [{ type: "deleteStep", stageId: c.stageId, id: c.id }] : []),
  renameStep: (m, c) => {
    const st = m.stages.find((x) => x.id === c.stageId)?.steps.find((x) => x.id === c.id);
    return st ? [{ type: "renameStep", stageId: c.stageId, id: c.id, name: st.name }] : [];
  },
  moveStep: (m, c) => {
    const steps = m.stages.find((x) => x.id === c.stageId)?.steps ?? [];
    return [{ type: "moveStep", stageId: c.stageId, id: c.id, toIndex: Math.max(0, indexOf(steps, c.id)) }];
  },
  deleteStep: (m, c) => {
    const steps = m.stages.find((x) => x.id === c.stageId)?.steps ?? [];
    const st = steps.find((x) => x.id === c.id);
    if (!st) return [];
    const cards = m.cards.filter((x) => x.stepId === c.id);
    return [
      { type: "addStep", stageId: c.stageId, id: c.id, name: st.name, index: indexOf(steps, c.id) },
      ...cards.map(
        (x): MapCommand => ({
          type: "moveCard",
          id: x.id,
          stageId: x.stageId,
          stepId: c.id,
          toIndex: cellCards(m, x).findIndex((y) => y.id === x.id),
        }),
      ),
      ...m.emotionPoints.filter((p) => p.stepId === c.id).map(restorePoint),
    ];
  },
  addLane: (_m, c) => (c.id ? [{ type: "deleteLane", id: c.id }] : []),
  renameLane: (m, c) => {
    const l = m.lanes.find((x) => x.id === c.id);
    return l ? [{ type: "renameLane", id: c.id, name: l.name }] : [];
  },
  moveLane: (m, c) => [{ type: "moveLane", id: c.id, toIndex: Math.max(0, indexOf(m.lanes, c.id)) }],
  setLaneCollapsed: (m, c) => {
    const l = m.lanes.find((x) => x.id === c.id);
    return l ? [{ type: "setLaneCollapsed", id: c.id, collapsed: l.collapsed }] : [];
  },
  deleteLane: (m, c) => {
    const l = m.lanes.find((x) => x.id === c.id);
    if (!l) return [];
    return [
      {
        type: "addLane",
        id: l.id,
        laneType: l.type,
        name: l.name,
        index: indexOf(m.lanes, l.id),
        personaId: l.personaId,
      },
      ...(l.collapsed ? [{ type: "setLaneCollapsed", id: l.id, collapsed: true } as MapCommand] : []),
      ...m.cards.filter((x) => x.laneId === l.id).flatMap((x) => recreateCard(m, x)),
      ...relinkRules(m, new Set(m.cards.filter((x) => x.laneId === l.id).map((x) => x.id as string))),
    ];
  },
  addCard: (_m, c) => (c.id ? [{ type: "deleteCard", id: c.id }] : []),
  updateCard: (m, c) => {
    const card = m.cards.find((x) => x.id === c.id);
    if (!card) return [];
    const back: CommandOf<"updateCard"> = { type: "updateCard", id: c.id };
    if (c.text !== undefined) back.text = card.text;
    if (c.color !== undefined) back.color = card.color;
    if (c.confidence !== undefined) back.confidence = card.confidence;
    if (c.fields) {
      const old = card.fields as Record<string, unknown>;
      back.fields = Object.fromEntries(Object.keys(c.fields).map((k) => [k, old[k]]));
    }
    return [back];
  },
  moveCard: (m, c) => {
    const card = m.cards.find((x) => x.id === c.id);
    if (!card) return [];
    const { kind: _kind, ...fields } = card.fields;
    return [
      {
        type: "moveCard",
        id: card.id,
        laneId: card.laneId,
        stageId: card.stageId,
        stepId: card.stepId,
        toIndex: cellCards(m, card).findIndex((y) => y.id === card.id),
      },
      { type: "updateCard", id: card.id, fields },
    ];
  },
  deleteCard: (m, c) => {
    const card = m.cards.find((x) => x.id === c.id);
    return card ? [...recreateCard(m, card), ...relinkRules(m, new Set([card.id as string]))] : [];
  },
  addEvidence: (_m, c) => [{ type: "removeEvidence", cardId: c.cardId, evidenceId: c.evidence.id }],
  removeEvidence: (m, c) => {
    const ev = m.cards.find((x) => x.id === c.cardId)?.evidence.find((e) => e.id === c.evidenceId);
    return ev ? [{ type: "addEvidence", cardId: c.cardId, evidence: ev }] : [];
  },
  setEmotion: (m, c) => {
    const old = m.emotionPoints.find((p) => samePoint(p, c.personaId ?? null, c.stageId, c.stepId ?? null));
    return old
      ? [restorePoint(old)]
      : [
          {
            type: "clearEmotion",
            personaId: c.personaId ?? null,
            stageId: c.stageId,
            stepId: c.stepId ?? null,
          },
        ];
  },
  clearEmotion: (m, c) => {
    const old = m.emotionPoints.find((p) => samePoint(p, c.personaId ?? null, c.stageId, c.stepId ?? null));
    return old ? [restorePoint(old)] : [];
  },
  attachPersona: (_m, c) => [{ type: "detachPersona", personaId: c.personaId }],
  detachPersona: (m, c) => {
    const index = m.personaIds.indexOf(c.personaId);
    return [{ type: "attachPersona", personaId: c.personaId, index: Math.max(0, index) }];
  },
};
