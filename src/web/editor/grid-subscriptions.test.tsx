// @vitest-environment jsdom
import { act, cleanup, render } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { benchCommands } from "../../../bench/editor/generate.ts";
import { applyCommands, createMapDoc, fromYDoc } from "../../domain/index.ts";
import { MapSession } from "../state/session.ts";
import { Grid } from "./Grid.tsx";
import { SessionContext } from "./session-context.ts";

afterEach(cleanup);
beforeAll(() => {
  // jsdom has no layout and no ResizeObserver: the grid then draws its initial window.
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
});

/** A session on a generated 20 × 12 map of 600 cards, whose store counts its live subscriptions. */
function session() {
  const doc = createMapDoc("Bench", "current_state");
  applyCommands(doc, benchCommands(20, 600, 12));
  const s = new MapSession({ ...fromYDoc(doc), personas: [], version: 1 });
  const counter = { live: 0 };
  const subscribe = s.store.subscribe;
  s.store.subscribe = (listener) => {
    counter.live++;
    const off = subscribe(listener);
    return () => {
      counter.live--;
      off();
    };
  };
  return { s, counter };
}

describe("the grid's store subscriptions", () => {
  it("are one per row, not one per card: drawn cards take their marks as props", () => {
    const { s, counter } = session();
    const { container } = render(
      <SessionContext.Provider value={s}>
        <Grid />
      </SessionContext.Provider>,
    );
    const cards = container.querySelectorAll(".card").length;
    expect(cards).toBeGreaterThan(50);
    // The rows, the header row, the emotion lane, minimap, announcer and the pain cards' "Fixed
    // by" lists: 50 here. With three per card, one per cell and two per stage header it was 389.
    expect(counter.live).toBeLessThan(64);
  });

  it("marks the selected, edited and carried card and the carry's target cell", () => {
    const { s } = session();
    const { container } = render(
      <SessionContext.Provider value={s}>
        <Grid />
      </SessionContext.Provider>,
    );
    const [a, b] = [...container.querySelectorAll<HTMLElement>(".card")].map((e) => e.dataset.cardId);
    if (!a || !b) throw new Error("no cards drawn");
    act(() => s.store.setState({ selectedCardId: a }));
    expect(
      [...container.querySelectorAll<HTMLElement>(".card.selected")].map((e) => e.dataset.cardId),
    ).toEqual([a]);
    act(() => s.store.setState({ carrying: { cardId: b, laneId: "l0", stageId: "s1" } }));
    expect(container.querySelector(".card.carried")?.getAttribute("data-card-id")).toBe(b);
    expect(
      [...container.querySelectorAll(".cell.drop-over")].map((e) => e.getAttribute("data-drop")),
    ).toEqual(["cell|l0|s1"]);
    act(() => s.store.setState({ editing: { kind: "card", id: a } }));
    expect(container.querySelector(`[data-card-id="${a}"] textarea.card-editor`)).not.toBeNull();
    act(() => s.store.setState({ selectedCardId: null, carrying: null, editing: null }));
    expect(container.querySelectorAll(".card.selected, .card.carried, .cell.drop-over")).toHaveLength(0);
  });
});
