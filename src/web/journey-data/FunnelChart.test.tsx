// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import type { FunnelResult } from "../../domain/journey-data/index.ts";
import { FunnelChart, FunnelTable, funnelSeries } from "./FunnelChart.tsx";

afterEach(cleanup);

const figures = (counts: number[]) => ({
  entered: counts[0] as number,
  converted: counts[counts.length - 1] as number,
  conversion: (counts[counts.length - 1] as number) / (counts[0] as number),
  steps: counts.map((c, i) => ({
    activity: ["register request", "examine casually", "decide"][i] as string,
    count: c,
    conversion: c / (counts[0] as number),
    stepConversion: i ? c / (counts[i - 1] as number) : 1,
    dropOff: i ? (counts[i - 1] as number) - c : 0,
  })),
  timeToConvert: null,
});

const result: FunnelResult = { mode: "sequential", ...figures([6, 3, 6]) };

describe("FunnelChart", () => {
  it("draws one bar per step, as tall as the share of entered cases", () => {
    const { container } = render(
      <FunnelChart result={{ mode: "sequential", ...figures([1200, 600, 300]) }} />,
    );
    const bars = [...container.querySelectorAll("rect.funnel-bar")];
    expect(bars).toHaveLength(3);
    const h = bars.map((b) => Number(b.getAttribute("height")));
    expect(h[1]).toBeCloseTo((h[0] as number) / 2, 5);
    expect(h[2]).toBeCloseTo((h[0] as number) / 4, 5);
    expect(screen.getByText("1,200")).toBeTruthy();
    expect(screen.getAllByText("50.0 % from previous")).toHaveLength(2);
    expect(screen.getByRole("img").getAttribute("aria-label")).toMatch(/25\.0 % of 1,200 cases convert/);
  });

  it("renders activity names as text, never as markup", () => {
    const evil = {
      ...result,
      steps: result.steps.map((s) => ({ ...s, activity: "<img src=x onerror=alert(1)>" })),
    };
    const { container } = render(<FunnelChart result={evil} />);
    expect(container.querySelector("img")).toBeNull();
    expect(container.textContent).toContain("<img src=x");
  });

  it("draws a series per breakdown value with a legend", () => {
    const withBreakdown: FunnelResult = {
      ...result,
      breakdown: [
        { value: "web", ...figures([4, 2, 4]) },
        { value: "", ...figures([2, 1, 2]) },
      ],
    };
    expect(funnelSeries(withBreakdown).map((s) => s.name)).toEqual(["web", "(empty)"]);
    const { container } = render(<FunnelChart result={withBreakdown} />);
    expect(container.querySelectorAll("rect.funnel-bar")).toHaveLength(6);
    const legend = screen.getByRole("list", { name: "Breakdown" });
    expect(legend.textContent).toContain("web — 100.0 % of 4");
  });

  it("lists counts, conversion and drop-off per step in the table", () => {
    render(<FunnelTable result={{ mode: "strict", ...figures([10, 4, 1]) }} />);
    const rows = screen
      .getAllByRole("row")
      .slice(1)
      .map((r) => r.textContent);
    expect(rows[1]).toBe("examine casually440.0 %40.0 %6");
    expect(rows[2]).toBe("decide110.0 %25.0 %3");
  });
});
