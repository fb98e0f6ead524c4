// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import type { PatternFinding } from "../../domain/analysis/index.ts";
import { findingsByStage, PatternMarkers } from "./PatternMarkers.tsx";

afterEach(cleanup);

const stages = [
  { id: "s1", name: "Aware" },
  { id: "s2", name: "Order" },
  { id: "s3", name: "Wait" },
];
const patterns = [
  {
    type: "rapid_drop",
    personaId: null,
    stageIds: ["s1", "s2"],
    severity: "warning",
    magnitude: 3,
    explanation: "Emotion falls 3 levels from “Aware” to “Order”.",
  },
  {
    type: "trough",
    personaId: null,
    stageIds: ["s2"],
    severity: "info",
    magnitude: 2,
    explanation: "Lowest point around “Order”.",
  },
] as unknown as PatternFinding[];
const series = [{ personaId: null, name: "Customer", color: "#000", points: [] }];

describe("PatternMarkers", () => {
  it("groups findings per stage", () => {
    expect(findingsByStage(stages, patterns).map((g) => [g.stage.id, g.findings.length])).toEqual([
      ["s1", 1],
      ["s2", 2],
    ]);
  });

  it("puts a marker at each stage of a pattern, aligned to its column, with an explaining tooltip", () => {
    render(
      <PatternMarkers stages={stages} patterns={patterns} layout={{ columnWidth: 200 }} series={series} />,
    );
    const order = screen.getByRole("button", { name: "Emotion pattern at Order: Rapid drop, Trough" });
    expect((order.parentElement as HTMLElement).style.left).toBe("206px");
    const tip = document.getElementById(order.getAttribute("aria-describedby") ?? "") as HTMLElement;
    expect(tip.getAttribute("role")).toBe("tooltip");
    expect(tip.hidden).toBe(true);
    fireEvent.focus(order);
    expect(tip.hidden).toBe(false);
    expect(tip.textContent).toContain("Lowest point around “Order”.");
    expect(tip.textContent).toContain("Emotion falls 3 levels");
    fireEvent.keyDown(order, { key: "Escape" });
    expect(tip.hidden).toBe(true);
    expect(screen.queryByRole("button", { name: /at Wait/ })).toBeNull();
  });

  it("hides findings of personas whose curve is not in the lane", () => {
    const other = patterns.map((p) => ({ ...p, personaId: "p9" })) as unknown as PatternFinding[];
    render(<PatternMarkers stages={stages} patterns={other} layout={{ columnWidth: 200 }} series={series} />);
    expect(screen.queryAllByRole("button")).toHaveLength(0);
  });
});
