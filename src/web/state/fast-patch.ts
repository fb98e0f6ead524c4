import { type JourneyMap, type MapCommand, patchPlain } from "../../domain/index.ts";

/**
 * The map after a frequent, local command (rename, card text, emotion point, collapse, map
 * properties) computed directly on the plain map, sharing every untouched object: each command's
 * `patchPlain` (domain/commands). Lets the editor paint an edit within a frame; the same command
 * then runs through `applyCommands` on the Yjs document when the browser is idle, which stays the
 * source of truth. Returns null when the command has no fast path or does not obviously apply.
 */
export function fastPatch(map: JourneyMap, c: MapCommand): JourneyMap | null {
  return patchPlain(map, c);
}
