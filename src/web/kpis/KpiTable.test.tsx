// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { changeIsBetter, KpiTable } from "./KpiTable.tsx";
import type { KpiItem } from "./kpis-api.ts";
import { sparklineLabel } from "./Sparkline.tsx";

afterEach(cleanup);

const history = [
  { date: "2026-09-01", value: 12, origin: "manual" as const },
  { date: "2026-10-01", value: 14, origin: "manual" as const },
  { date: "2026-11-01", value: 21, origin: "log" as const },
];
const nps: KpiItem = {
  mapId: "m1",
  mapTitle: "Claims",
  cardId: "k1",
  stageId: "s1",
  stageName: "Rejected",
  name: "NPS",
  unit: "",
  target: 30,
  latest: { value: 21, date: "2026-11-01" },
  trend: "up",
  history,
  solutions: [
    {
      cardId: "i1",
      summary: "Explain rejections",
      status: "shipped",
      shipDate: "2026-10-15",
      impact: { before: history[1] ?? null, after: history[2] ?? null, change: 7 },
    },
  ],
};

describe("KPI table", () => {
  it("shows latest value, target, a sparkline with a text alternative and before → after of a shipped solution", () => {
    render(<KpiTable items={[nps]} onOpen={() => {}} />);
    expect(screen.getByRole("rowheader", { name: "NPS" })).toBeTruthy();
    expect(screen.getByRole("img", { name: "12 (2026-09-01) → 21 (2026-11-01), target 30" })).toBeTruthy();
    expect(screen.getByText("rising")).toBeTruthy();
    expect(screen.getByText(/14 → 21 \(\+7\)/)).toBeTruthy();
    expect(screen.getByText("Shipped 2026-10-15")).toBeTruthy();
  });
  it("says when nothing was measured before shipping, and when there are no KPIs", () => {
    const noBefore = {
      ...nps,
      solutions: [{ ...nps.solutions[0], impact: { before: null, after: history[2] ?? null, change: null } }],
    };
    render(<KpiTable items={[noBefore as KpiItem]} onOpen={() => {}} />);
    expect(screen.getByText("no value before shipping")).toBeTruthy();
    cleanup();
    render(<KpiTable items={[]} onOpen={() => {}} />);
    expect(screen.getByText(/No KPI cards yet/)).toBeTruthy();
    expect(sparklineLabel([], null, "%")).toBe("No history");
  });
  it("colours a change by the target's direction: a falling refund time toward 5 days is better", () => {
    expect(changeIsBetter(21, 7, 5)).toBe(true);
    expect(changeIsBetter(7, 21, 5)).toBe(false);
    expect(changeIsBetter(14, 21, 30)).toBe(true);
    expect(changeIsBetter(14, 21, null)).toBe(true);
    expect(changeIsBetter(21, 14, null)).toBe(false);
    expect(changeIsBetter(3, 3, 5)).toBeNull();
    render(<KpiTable items={[nps]} onOpen={() => {}} />);
    expect(screen.getByText(/14 → 21 \(\+7\)/).className).toBe("kpi-change-better");
    cleanup();
    const time = { ...nps, target: 5 };
    render(<KpiTable items={[time]} onOpen={() => {}} />);
    expect(screen.getByText(/14 → 21 \(\+7\)/).className).toBe("kpi-change-worse");
  });
});
