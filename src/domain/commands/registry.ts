import { z } from "zod";
import type { JourneyMap } from "../model/journey-map.ts";
import * as addCard from "./card/add-card.ts";
import * as addEvidence from "./card/add-evidence.ts";
import * as deleteCard from "./card/delete-card.ts";
import * as moveCard from "./card/move-card.ts";
import * as removeEvidence from "./card/remove-evidence.ts";
import * as updateCard from "./card/update-card.ts";
import type { CommandDefinition } from "./define.ts";
import * as clearEmotion from "./emotion/clear-emotion.ts";
import * as setEmotion from "./emotion/set-emotion.ts";
import * as linkSubJourney from "./hierarchy/link-sub-journey.ts";
import * as unlinkSubJourney from "./hierarchy/unlink-sub-journey.ts";
import * as recordKpiValue from "./kpi/record-kpi-value.ts";
import * as removeKpiValue from "./kpi/remove-kpi-value.ts";
import * as addLane from "./lane/add-lane.ts";
import * as deleteLane from "./lane/delete-lane.ts";
import * as moveLane from "./lane/move-lane.ts";
import * as renameLane from "./lane/rename-lane.ts";
import * as setLaneCollapsed from "./lane/set-lane-collapsed.ts";
import * as setEmotionScale from "./map/set-emotion-scale.ts";
import * as setMapProperties from "./map/set-map-properties.ts";
import * as attachPersona from "./persona/attach-persona.ts";
import * as detachPersona from "./persona/detach-persona.ts";
import * as addPhase from "./phase/add-phase.ts";
import * as deletePhase from "./phase/delete-phase.ts";
import * as movePhase from "./phase/move-phase.ts";
import * as renamePhase from "./phase/rename-phase.ts";
import * as addActivityRule from "./rule/add-activity-rule.ts";
import * as deleteActivityRule from "./rule/delete-activity-rule.ts";
import * as moveActivityRule from "./rule/move-activity-rule.ts";
import * as updateActivityRule from "./rule/update-activity-rule.ts";
import * as setSolution from "./solution/set-solution.ts";
import * as addStage from "./stage/add-stage.ts";
import * as deleteStage from "./stage/delete-stage.ts";
import * as moveStage from "./stage/move-stage.ts";
import * as renameStage from "./stage/rename-stage.ts";
import * as updateStage from "./stage/update-stage.ts";
import * as addStep from "./step/add-step.ts";
import * as deleteStep from "./step/delete-step.ts";
import * as moveStep from "./step/move-step.ts";
import * as renameStep from "./step/rename-step.ts";
import * as recordWorkshopVotes from "./workshop/record-workshop-votes.ts";

/**
 * Every command, keyed by its type: each module exports its `schema` and its `command`
 * (`defineCommand`). The types below read only the schemas, so that a definition's inverse can
 * name `MapCommand` without a cycle. Adding a command = one file here plus this line.
 */
const MODULES = {
  setMapProperties,
  setEmotionScale,
  addPhase,
  renamePhase,
  movePhase,
  deletePhase,
  addStage,
  renameStage,
  updateStage,
  moveStage,
  deleteStage,
  linkSubJourney,
  unlinkSubJourney,
  addStep,
  renameStep,
  moveStep,
  deleteStep,
  addLane,
  renameLane,
  moveLane,
  setLaneCollapsed,
  deleteLane,
  addCard,
  updateCard,
  moveCard,
  deleteCard,
  addEvidence,
  removeEvidence,
  setSolution,
  recordKpiValue,
  removeKpiValue,
  recordWorkshopVotes,
  setEmotion,
  clearEmotion,
  addActivityRule,
  updateActivityRule,
  moveActivityRule,
  deleteActivityRule,
  attachPersona,
  detachPersona,
};
type Modules = typeof MODULES;
type Schemas = { [K in keyof Modules]: Modules[K]["schema"] }[keyof Modules];

/** Every editing command of a journey map. */
export const MapCommandSchema = z.discriminatedUnion(
  "type",
  Object.values(MODULES).map((m) => m.schema) as unknown as [Schemas, ...Schemas[]],
);
export type MapCommand = z.infer<typeof MapCommandSchema>;
export type MapCommandType = MapCommand["type"];
export type CommandOf<T extends MapCommandType> = Extract<MapCommand, { type: T }>;

/** The definitions by type. */
export const COMMANDS = Object.fromEntries(
  Object.values(MODULES).map((m) => [m.command.type, m.command]),
) as unknown as {
  [T in MapCommandType]: CommandDefinition<CommandOf<T>>;
};

/** The definition of a command type, or undefined for an unknown type. */
export function commandDefinition(type: string): CommandDefinition<MapCommand> | undefined {
  return Object.hasOwn(COMMANDS, type)
    ? (COMMANDS[type as MapCommandType] as unknown as CommandDefinition<MapCommand>)
    : undefined;
}

/** A one-line human description of a command, quoting any text it carried. */
export function describeCommand(c: MapCommand): string {
  return commandDefinition(c.type)?.describe(c) ?? c.type;
}

/** The editor's fast path for a command (see `CommandDefinition.patchPlain`); null = take the full path. */
export function patchPlain(map: JourneyMap, c: MapCommand): JourneyMap | null {
  return commandDefinition(c.type)?.patchPlain?.(map, c) ?? null;
}

/** True when the command creates an entity named by its optional `id`. */
export function createsEntity(c: MapCommand): boolean {
  return commandDefinition(c.type)?.creates === true;
}
