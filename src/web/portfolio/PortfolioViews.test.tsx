// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { BulkEditBar } from "./BulkEditBar.tsx";
import { PortfolioBoard } from "./PortfolioBoard.tsx";
import { PortfolioTable } from "./PortfolioTable.tsx";
import type { PortfolioItem } from "./portfolio-api.ts";

afterEach(cleanup);

const row = (cardId: string, extra: Partial<PortfolioItem>): PortfolioItem => ({
  type: "pain",
  mapId: "m1",
  mapTitle: "Checkout",
  mapKind: "current_state",
  mapStatus: "draft",
  personaIds: [],
  cardId,
  stageId: "s1",
  stageName: "Pay",
  summary: `Pain ${cardId}`,
  text: `Pain ${cardId}`,
  status: "open",
  solutionStatus: null,
  shipDate: null,
  kpiIds: [],
  owner: null,
  dueDate: null,
  overdue: false,
  impact: "abandon",
  reach: 0.5,
  reachSource: null,
  score: 1.5,
  model: "impact_reach",
  confidence: 0.5,
  effortWeeks: null,
  painPointIds: [],
  effort: null,
  ...extra,
});
const rows = [
  row("p1", { overdue: true, dueDate: "2026-01-01", owner: "Ben" }),
  row("p2", { status: "done", score: null }),
  row("i1", { type: "idea", status: null, summary: "One-click pay" }),
];

describe("portfolio views", () => {
  it("table: overdue rows highlighted, only pain points selectable", () => {
    const onToggle = vi.fn();
    render(
      <PortfolioTable items={rows} selected={new Set(["m1/p2"])} onToggle={onToggle} onOpen={() => {}} />,
    );
    const boxes = screen.getAllByRole("checkbox") as HTMLInputElement[];
    expect(boxes.map((b) => [b.getAttribute("aria-label"), b.checked])).toEqual([
      ["Select Pain p1", false],
      ["Select Pain p2", true],
    ]);
    fireEvent.click(boxes[0] as HTMLElement);
    expect(onToggle).toHaveBeenCalledWith("m1/p1");
    const trs = screen.getAllByRole("row").slice(1);
    expect(trs.map((r) => r.className)).toEqual(["overdue", "", ""]);
    expect(trs[1]?.textContent).toContain("–");
  });

  it("board: a column per status, ideas last", () => {
    render(<PortfolioBoard items={rows} />);
    const cols = screen.getAllByRole("region");
    expect(cols.map((c) => [c.getAttribute("aria-label"), c.querySelectorAll("li").length])).toEqual([
      ["Open", 1],
      ["In progress", 0],
      ["Done", 1],
      ["Won't fix", 0],
      ["Ideas", 1],
    ]);
  });

  it("bulk bar sends only the fields filled in, and only with a selection", () => {
    const onApply = vi.fn();
    const { rerender } = render(<BulkEditBar count={0} onApply={onApply} />);
    fireEvent.change(screen.getByLabelText("New owner"), { target: { value: " Maria " } });
    expect((screen.getByRole("button", { name: "Apply to selected" }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    rerender(<BulkEditBar count={2} onApply={onApply} />);
    fireEvent.change(screen.getByLabelText("New due date"), { target: { value: "2026-12-31" } });
    fireEvent.click(screen.getByRole("button", { name: "Apply to selected" }));
    expect(onApply).toHaveBeenCalledWith({ owner: "Maria", dueDate: "2026-12-31" });
  });
});
