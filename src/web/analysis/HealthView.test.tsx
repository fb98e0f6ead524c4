// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { HealthReportView } from "../../contract/analysis.ts";
import { HealthView } from "./HealthView.tsx";

afterEach(cleanup);

const report = {
  score: 62,
  counts: { error: 1, warning: 1, info: 1 },
  findings: [
    {
      rule: "goal-missing",
      severity: "error",
      message: "The map has no goal statement.",
      location: { mapId: "m1" },
      hint: "Write what should change for the business.",
    },
    {
      rule: "pain-no-owner",
      severity: "warning",
      message: "Pain point “Cold pizza” has no owner.",
      location: { mapId: "m1", stageId: "s3", cardId: "c7" },
      hint: "Assign a person or team.",
    },
    {
      rule: "stage-no-touchpoints",
      severity: "info",
      message: "Stage “Eat” has no touchpoints.",
      location: { mapId: "m1", stageId: "s4" },
      hint: "Add where the customer meets you.",
    },
  ],
} as unknown as HealthReportView;

describe("HealthView", () => {
  it("draws the score and groups findings by severity, most severe first, with their hints", () => {
    render(<HealthView report={report} onSelect={() => {}} />);
    expect(screen.getByRole("img", { name: "Health score: 62 out of 100" })).toBeTruthy();
    const groups = screen.getAllByRole("region").map((r) => r.getAttribute("aria-label"));
    expect(groups).toEqual(["Errors", "Warnings", "Suggestions"]);
    const warnings = screen.getByRole("region", { name: "Warnings" });
    expect(within(warnings).getByText("Pain point “Cold pizza” has no owner.")).toBeTruthy();
    expect(within(warnings).getByText("Assign a person or team.")).toBeTruthy();
  });

  it("calls select with the finding's location on click; map-wide findings are not clickable", () => {
    const onSelect = vi.fn();
    render(<HealthView report={report} onSelect={onSelect} />);
    fireEvent.click(screen.getByRole("button", { name: /Cold pizza/ }));
    expect(onSelect).toHaveBeenCalledWith({ mapId: "m1", stageId: "s3", cardId: "c7" });
    fireEvent.click(screen.getByRole("button", { name: /has no touchpoints/ }));
    expect(onSelect).toHaveBeenLastCalledWith({ mapId: "m1", stageId: "s4" });
    expect(screen.queryByRole("button", { name: /no goal statement/ })).toBeNull();
    expect(screen.getByText("The map has no goal statement.")).toBeTruthy();
  });

  it("renders user text as text, not HTML", () => {
    const evil = {
      ...report,
      findings: [{ ...report.findings[1], message: "<img src=x onerror=alert(1)>" }],
    } as HealthReportView;
    const { container } = render(<HealthView report={evil} onSelect={() => {}} />);
    expect(container.querySelector("img")).toBeNull();
    expect(screen.getByText("<img src=x onerror=alert(1)>")).toBeTruthy();
  });
});
