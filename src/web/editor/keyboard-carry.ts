import type { MapSession } from "../state/session.ts";

type Carry = { cardId: string; laneId: string; stageId: string };

const firstLine = (t: string) => t.split("\n")[0]?.trim() || "Empty card";

/** Lane and stage names of a cell, for announcements. */
function where(session: MapSession, laneId: string, stageId: string): string {
  const { map } = session.store.getState();
  const lane = map.lanes.find((l) => l.id === laneId)?.name ?? "?";
  const stage = map.stages.find((s) => s.id === stageId)?.name ?? "?";
  return `${lane}, ${stage}`;
}

/** Picks a card up for a keyboard move (Space on a focused card). */
export function pickUp(session: MapSession, cardId: string): void {
  const card = session.store.getState().map.cards.find((c) => c.id === cardId);
  if (!card) return;
  session.store.setState({
    carrying: { cardId, laneId: card.laneId, stageId: card.stageId },
    announcement: `Picked up “${firstLine(card.text)}” in ${where(session, card.laneId, card.stageId)}. Arrow keys move it, Space drops it, Escape cancels.`,
  });
}

/** Focuses a card once its new place is painted. */
function focusCardSoon(cardId: string): void {
  requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-card-id="${cardId}"]`)?.focus());
}

/** The cell an arrow key moves a carried card to (card lanes that are open; emotion lanes have no cards). */
function moved(session: MapSession, carry: Carry, key: string): Carry | null {
  const { map } = session.store.getState();
  const lanes = map.lanes.filter((l) => l.type !== "emotion" && !l.collapsed);
  const li = lanes.findIndex((l) => l.id === carry.laneId);
  const si = map.stages.findIndex((s) => s.id === carry.stageId);
  const d = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] }[key];
  if (!d) return null;
  const lane = lanes[li + (d[0] as number)];
  const stage = map.stages[si + (d[1] as number)];
  return lane && stage ? { ...carry, laneId: lane.id, stageId: stage.id } : carry;
}

/**
 * Keys while a card is carried: arrows move the drop target, Space or Enter drops (one moveCard
 * command), Escape cancels, Tab cancels and lets focus leave. Returns true when the key was used.
 */
export function carryKey(session: MapSession, e: { key: string }): boolean {
  const state = session.store.getState();
  const carry = state.carrying;
  if (!carry) return false;
  const card = state.map.cards.find((c) => c.id === carry.cardId);
  if (!card) {
    session.store.setState({ carrying: null });
    return false;
  }
  const name = `“${firstLine(card.text)}”`;
  if (e.key.startsWith("Arrow")) {
    const next = moved(session, carry, e.key);
    if (!next) return false;
    const same = next.laneId === carry.laneId && next.stageId === carry.stageId;
    session.store.setState({
      carrying: next,
      announcement: same
        ? `${name} cannot move further that way. Still over ${where(session, next.laneId, next.stageId)}.`
        : `${name} over ${where(session, next.laneId, next.stageId)}. Space drops it here.`,
    });
    document
      .querySelector(`[data-drop="cell|${next.laneId}|${next.stageId}"]`)
      ?.scrollIntoView({ block: "nearest", inline: "nearest" });
    return true;
  }
  if (e.key === " " || e.key === "Enter") {
    const stays = card.laneId === carry.laneId && card.stageId === carry.stageId;
    if (!stays)
      session.dispatch([
        {
          type: "moveCard",
          id: card.id,
          laneId: carry.laneId as never,
          stageId: carry.stageId as never,
          stepId: null,
        },
      ]);
    session.store.setState({
      carrying: null,
      announcement: `Dropped ${name} in ${where(session, carry.laneId, carry.stageId)}.`,
    });
    focusCardSoon(card.id);
    return true;
  }
  if (e.key === "Escape" || e.key === "Tab") {
    session.store.setState({
      carrying: null,
      announcement: `Move cancelled. ${name} stays in ${where(session, card.laneId, card.stageId)}.`,
    });
    if (e.key === "Escape") focusCardSoon(card.id);
    return e.key === "Escape";
  }
  return true;
}
