import { applyCommands } from "../commands/apply.ts";
import type { MapCommand } from "../commands/schema.ts";
import { WaylineError } from "../errors.ts";
import { createMapDoc } from "../factory.ts";
import type { CardId, LaneId, MapId, PersonaId, PhaseId, StageId } from "../model/ids.ts";
import { type JourneyMap, JourneyMapSchema } from "../model/journey-map.ts";
import { createPersona, type Persona, PersonaSchema } from "../model/persona.ts";
import { fromYDoc } from "../ydoc/from-ydoc.ts";
import type { CardSpec, CellSpec, LaneSpec, StageSpec, TemplateSpec } from "./spec.ts";

/** What a built template gives: the map and the personas it references. */
export interface TemplateContent {
  /** The validated map; every authored card and emotion point is flagged `isSample`. */
  map: JourneyMap;
  /** The personas attached to the map (`map.personaIds`), flagged `isSample`. */
  personas: Persona[];
}

/** Build options: the clock and the id factory (both injectable so builds are deterministic). */
export interface BuildOptions {
  /** Build time (ISO 8601); also the base of pain-point due dates. */
  now: string;
  /** Id factory for the map, personas and every entity. */
  newId: () => string;
}

/** A template authoring mistake: the built-in catalogue is broken, not the caller's input. */
function broken(spec: TemplateSpec, message: string): never {
  throw new WaylineError("internal", `template "${spec.id}": ${message}`);
}

const stageOf = (s: string | StageSpec): StageSpec => (typeof s === "string" ? { name: s } : s);

function addDays(now: string, days: number): string {
  return new Date(Date.parse(now) + days * 86_400_000).toISOString().slice(0, 10);
}

function cardsOf(cell: CellSpec | undefined): CardSpec[] {
  if (cell === null || cell === undefined) return [];
  const list = typeof cell === "string" || !Array.isArray(cell) ? [cell] : cell;
  return (list as (string | CardSpec)[]).map((c) => (typeof c === "string" ? { text: c } : c));
}

/** The cells of a lane in stage order, checking the lane names only existing stages. */
function cellsOf(spec: TemplateSpec, lane: LaneSpec, names: string[]): CardSpec[][] {
  const cells = lane.cells ?? [];
  if (Array.isArray(cells)) {
    if (cells.length > names.length) broken(spec, `lane "${lane.name ?? lane.type}" has too many cells`);
    return names.map((_, i) => cardsOf(cells[i]));
  }
  const byName = cells as Readonly<Record<string, CellSpec>>;
  for (const key of Object.keys(byName))
    if (!names.includes(key)) broken(spec, `lane "${lane.name ?? lane.type}" names unknown stage "${key}"`);
  return names.map((n) => cardsOf(byName[n]));
}

function structureCommands(spec: TemplateSpec, ids: () => string, personaIds: string[]) {
  const commands: MapCommand[] = [
    { type: "setMapProperties", patch: { goal: spec.goal, scope: spec.scope, tags: [...spec.tags] } },
    ...personaIds.map((personaId) => ({ type: "attachPersona" as const, personaId: personaId as PersonaId })),
  ];
  const phaseIds = new Map<string, string>();
  for (const p of spec.phases ?? []) {
    const id = ids();
    phaseIds.set(p.name, id);
    commands.push({ type: "addPhase", id: id as PhaseId, name: p.name, color: p.color ?? null });
  }
  const stageIds = spec.stages.map((raw) => {
    const s = stageOf(raw);
    const id = ids() as StageId;
    if (s.phase && !phaseIds.has(s.phase)) broken(spec, `stage "${s.name}" names unknown phase "${s.phase}"`);
    const phaseId = s.phase ? (phaseIds.get(s.phase) as PhaseId) : null;
    commands.push({ type: "addStage", id, name: s.name, phaseId, description: s.description ?? "" });
    if (s.moment) commands.push({ type: "updateStage", id, momentOfTruth: true });
    return id as string;
  });
  return { commands, stageIds };
}

/** Card ids are drawn before any command is written, so ideas can link pain points in any lane. */
function assignCardIds(spec: TemplateSpec, ids: () => string) {
  const names = spec.stages.map((s) => stageOf(s).name);
  const keyed = new Map<string, string>();
  const lanes = spec.lanes.map((lane) => {
    const cells = cellsOf(spec, lane, names).map((cell) =>
      cell.map((card) => {
        const id = ids();
        if (card.key) keyed.set(card.key, id);
        return { id, card };
      }),
    );
    return { lane, id: ids(), cells };
  });
  return { lanes, keyed };
}

function cardFields(spec: TemplateSpec, card: CardSpec, keyed: Map<string, string>, now: string) {
  const fields: Record<string, unknown> = { ...card.fields };
  if (card.dueInDays !== undefined) fields.dueDate = addDays(now, card.dueInDays);
  if (card.fixes)
    fields.painPointIds = card.fixes.map((k) => keyed.get(k) ?? broken(spec, `idea fixes unknown "${k}"`));
  return fields;
}

function laneCommands(
  spec: TemplateSpec,
  ids: () => string,
  stageIds: string[],
  personaIds: string[],
  now: string,
) {
  const { lanes, keyed } = assignCardIds(spec, ids);
  const commands: MapCommand[] = [];
  for (const { lane, id, cells } of lanes) {
    const laneId = id as LaneId;
    const personaId = lane.persona === undefined ? null : personaIds[lane.persona];
    if (personaId === undefined) broken(spec, `lane "${lane.name ?? lane.type}" names a missing persona`);
    commands.push({
      type: "addLane",
      id: laneId,
      laneType: lane.type,
      name: lane.name,
      personaId: personaId as PersonaId | null,
    });
    cells.forEach((cell, i) => {
      const stageId = stageIds[i] as StageId;
      for (const { id: cardId, card } of cell)
        commands.push({
          type: "addCard",
          id: cardId as CardId,
          laneId,
          stageId,
          text: card.text,
          fields: cardFields(spec, card, keyed, now),
          confidence: "assumed",
          isSample: true,
        });
    });
  }
  return commands;
}

function emotionCommands(spec: TemplateSpec, stageIds: string[], personaIds: string[]): MapCommand[] {
  return spec.personas.flatMap((p, pi) => {
    if (!p.curve) return [];
    if (p.curve.length !== stageIds.length) broken(spec, `curve of "${p.name}" needs one point per stage`);
    return p.curve.map(([value, reason], i) => ({
      type: "setEmotion" as const,
      personaId: personaIds[pi] as PersonaId,
      stageId: stageIds[i] as StageId,
      value,
      reason,
    }));
  });
}

/**
 * Builds a template: personas first, then one batch of commands on a fresh map document, then the
 * plain map. `setEmotion` marks points as user-entered, so the authored curve is re-flagged as
 * sample afterwards and the final map validated.
 */
export function buildFromSpec(spec: TemplateSpec, opts: BuildOptions): TemplateContent {
  const { now, newId: ids } = opts;
  const mapId = ids() as MapId;
  const personas = spec.personas.map(({ curve: _curve, ...input }) =>
    PersonaSchema.parse(createPersona({ ...input, isSample: true }, { id: ids() as PersonaId, now })),
  );
  const personaIds = personas.map((p) => p.id as string);
  const { commands, stageIds } = structureCommands(spec, ids, personaIds);
  commands.push(...laneCommands(spec, ids, stageIds, personaIds, now));
  commands.push(...emotionCommands(spec, stageIds, personaIds));
  const doc = createMapDoc(spec.title, spec.kind, { id: mapId, now });
  applyCommands(doc, commands, { now, newId: ids });
  const plain = fromYDoc(doc);
  const map = JourneyMapSchema.parse({
    ...plain,
    emotionPoints: plain.emotionPoints.map((p) => ({ ...p, isSample: true })),
  });
  return { map, personas };
}
