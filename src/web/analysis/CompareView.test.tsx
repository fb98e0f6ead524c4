// @vitest-environment jsdom
import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { compareMaps } from "../../domain/analysis/index.ts";
import { buildMap, card } from "../../domain/analysis/test-maps.ts";
import { CompareView } from "./CompareView.tsx";
import { compareIdsOf, comparePath } from "./compare-route.ts";
import { compareRows } from "./compare-rows.ts";

afterEach(cleanup);

const lanes = ["touchpoints"];
const base = [
  card("t1", "touchpoints", "s1", { text: "Flyer" }),
  card("t3", "touchpoints", "s3", { text: "Till" }),
  ...[0, -2, -1, 1, -3].map((value, i) => ({
    type: "setEmotion",
    personaId: null,
    stageId: `s${i + 1}`,
    value,
  })),
];

function fixture() {
  const current = buildMap(base, { lanes });
  const future = buildMap(
    [
      ...base,
      { type: "renameStage", id: "s2", name: "Compare menus" },
      { type: "deleteStage", id: "s5" },
      { type: "addStage", id: "s6", name: "Loyalty", index: 3 },
      card("t6", "touchpoints", "s6", { text: "Stamp card" }),
      { type: "updateCard", id: "t3", text: "Self-service till" },
      { type: "setEmotion", personaId: null, stageId: "s2", value: 1 },
      { type: "moveStage", id: "s1", toIndex: 2 },
    ],
    { lanes, id: "map-2", kind: "future_state", title: "Future" },
  );
  const cmp = compareMaps(current, future);
  return { current, future, cmp, rows: compareRows(cmp, current, future) };
}

describe("compareRows", () => {
  it("orders rows as the future journey, with removed stages after their predecessor", () => {
    const { rows } = fixture();
    expect(rows.map((r) => [r.futureName ?? r.currentName, r.status])).toEqual([
      ["Compare menus", "changed"],
      ["Buy", "changed"],
      ["Aware", "moved"],
      ["Loyalty", "added"],
      ["Use", "unchanged"],
      ["Support", "removed"],
    ]);
    expect(rows[0]).toMatchObject({ before: -2, after: 1, delta: 3 });
  });
});

describe("CompareView", () => {
  it("shows an added stage, a removed stage and card changes side by side, highlighted", () => {
    const { current, future, cmp, rows } = fixture();
    render(<CompareView rows={rows} current={current} future={future} scale={cmp.scale} />);
    const added = screen.getByRole("row", { name: "Loyalty: Added" });
    expect(added.classList.contains("added")).toBe(true);
    expect(within(added).getByText("Stamp card")).toBeTruthy();
    expect(within(added).getByText("— not in current state")).toBeTruthy();
    const removed = screen.getByRole("row", { name: "Support: Removed" });
    expect(removed.classList.contains("removed")).toBe(true);
    const renamed = screen.getByRole("row", { name: "Compare menus: Changed" });
    expect(within(renamed).getByText("Research")).toBeTruthy();
    expect(within(renamed).getByText("renamed, emotion")).toBeTruthy();
    expect(within(renamed).getByText("(+3)")).toBeTruthy();
    const buy = screen.getByRole("row", { name: "Buy: Changed" });
    expect(within(buy).getByText("Till")).toBeTruthy();
    expect(within(buy).getByText("Self-service till")).toBeTruthy();
    expect(screen.getByText("1 stages added")).toBeTruthy();
    expect(screen.getByRole("img", { name: /Emotion per stage/ })).toBeTruthy();
  });
});

describe("compare route", () => {
  it("round-trips ids through the path and rejects other paths", () => {
    expect(compareIdsOf(comparePath("a b", "c/d"))).toEqual(["a b", "c/d"]);
    expect(compareIdsOf("/maps/abc")).toBeNull();
    expect(compareIdsOf("/maps/a/compare/")).toBeNull();
  });
});
