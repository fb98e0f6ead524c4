import type { JourneyMap } from "../model/journey-map.ts";
import { commandDefinition, type MapCommand } from "./registry.ts";

export { recreateCard } from "./restore.ts";

/**
 * The commands that undo `cmd`, computed against `map`, the state right before `cmd` ran.
 * Applying `cmd` then the result restores the map (order keys may differ; positions do not).
 * Returns [] for a command that changes nothing undoable. Pure; the editor's undo stack uses it.
 */
export function invertCommand(map: JourneyMap, cmd: MapCommand): MapCommand[] {
  return commandDefinition(cmd.type)?.invert(map, cmd) ?? [];
}

/** Inverse of a batch: the inverse of each command against the state before it, in reverse order. */
export function invertBatch(states: readonly JourneyMap[], commands: readonly MapCommand[]): MapCommand[] {
  const out: MapCommand[] = [];
  commands.forEach((c, i) => {
    out.unshift(...invertCommand(states[i] as JourneyMap, c));
  });
  return out;
}
