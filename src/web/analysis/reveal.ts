import type { MapSession } from "../state/session.ts";

/** Where something is on the map (a health finding's location, a pain point's card). */
export interface MapLocation {
  stageId?: string | undefined;
  laneId?: string | undefined;
  cardId?: string | undefined;
}

const FLASH_MS = 1600;

function bringIntoView(el: HTMLElement | null): void {
  if (!el) return;
  el.scrollIntoView?.({ block: "center", inline: "center", behavior: "smooth" });
  el.focus({ preventScroll: true });
  el.classList.add("reveal-flash");
  setTimeout(() => el.classList.remove("reveal-flash"), FLASH_MS);
}

/** The editor element that shows a location: the card, else the stage header, else the lane header. */
export function elementOf(session: MapSession, loc: MapLocation): HTMLElement | null {
  const q = (sel: string) => document.querySelector<HTMLElement>(sel);
  if (loc.cardId) return q(`[data-card-id="${CSS.escape(loc.cardId)}"]`);
  const { stages, lanes } = session.store.getState().map;
  if (loc.stageId) {
    const i = stages.findIndex((s) => s.id === loc.stageId);
    return i < 0 ? null : q(`.stage-header[aria-colindex="${i + 2}"]`);
  }
  if (loc.laneId) {
    const lane = lanes.find((l) => l.id === loc.laneId);
    return lane ? q(`[role="rowheader"][aria-label="${CSS.escape(lane.name)}"]`) : null;
  }
  return null;
}

/**
 * Selects what a finding points at: a card becomes the editor's selected card; a stage or lane
 * header takes focus. Either way it scrolls into view and flashes briefly.
 */
export function revealLocation(session: MapSession, loc: MapLocation): void {
  if (loc.cardId) session.store.setState({ selectedCardId: loc.cardId });
  // After React has rendered the selection.
  requestAnimationFrame(() => bringIntoView(elementOf(session, loc)));
}
