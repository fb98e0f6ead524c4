import type { MapCommand } from "../commands/registry.ts";
import { WaylineError } from "../errors.ts";
import type { JourneyMap } from "../model/journey-map.ts";

/** Name of the lane that collects a workshop's parking-lot notes. */
export const PARKING_LOT_NAME = "Parking lot";

/**
 * The commands that add a parking-lot note: a `text` lane named "Parking lot" at the bottom
 * (created on demand, when the session has none or it was deleted), then a note card in
 * `stageId` (default the first stage). Returns the lane id the session should remember.
 */
export function parkingLotNoteCommands(
  map: JourneyMap,
  laneId: string | null,
  note: { text: string; stageId?: string | undefined },
  newId: () => string,
): { commands: MapCommand[]; laneId: string; cardId: string } {
  const stages = [...map.stages].sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
  const stageId = note.stageId ?? stages[0]?.id;
  if (!stageId)
    throw new WaylineError("invalid_request", "the map has no stage to put the note in", {
      field: "stageId",
    });
  if (!map.stages.some((s) => s.id === stageId))
    throw new WaylineError("invalid_request", `no stage "${stageId}" on this map`, { field: "stageId" });
  const commands: MapCommand[] = [];
  let lane = laneId && map.lanes.some((l) => l.id === laneId) ? laneId : null;
  if (!lane) {
    lane = newId();
    commands.push({
      type: "addLane",
      id: lane as never,
      laneType: "text",
      name: PARKING_LOT_NAME,
      index: map.lanes.length,
    });
  }
  const cardId = newId();
  commands.push({
    type: "addCard",
    id: cardId as never,
    laneId: lane as never,
    stageId: stageId as never,
    text: note.text,
  });
  return { commands, laneId: lane, cardId };
}
