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
  row("x1", {
    type: "solution",
    status: null,
    solutionStatus: "shipped",
    shipDate: "2026-02-01",
    summary: "Saved cards",
    kpiIds: ["k1"],
  }),
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
    expect(trs.map((r) => r.className)).toEqual(["overdue", "", "", ""]);
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

describe("solutions board", () => {
  it("has one column per solution status with the solutions only", () => {
    render(<PortfolioBoard items={rows} kind="solutions" />);
    const shipped = screen.getByRole("region", { name: "Shipped" });
    expect(shipped.textContent).toContain("Saved cards");
    expect(shipped.textContent).toContain("1 KPI(s) · shipped 2026-02-01");
    expect(screen.getByRole("region", { name: "Planned" }).textContent).not.toContain("Pain");
    expect(screen.queryByRole("region", { name: "Ideas" })).toBeNull();
  });
});

describe("board moves", () => {
  it("a pain point's Move to… menu offers the other statuses and reports the move; ideas have none", () => {
    const onMove = vi.fn();
    render(<PortfolioBoard items={rows} onMove={onMove} />);
    const menu = screen.getByRole("combobox", { name: "Move “Pain p1” to" }) as HTMLSelectElement;
    expect([...menu.options].map((o) => o.textContent)).toEqual([
      "Move to…",
      "In progress",
      "Done",
      "Won't fix",
    ]);
    fireEvent.change(menu, { target: { value: "in_progress" } });
    expect(onMove).toHaveBeenCalledWith(expect.objectContaining({ cardId: "p1" }), "in_progress");
    expect(screen.queryByRole("combobox", { name: "Move “One-click pay” to" })).toBeNull();
  });

  it("a solution moves between solution statuses; without onMove the board is read-only", () => {
    const onMove = vi.fn();
    const { rerender } = render(<PortfolioBoard items={rows} kind="solutions" onMove={onMove} />);
    const menu = screen.getByRole("combobox", { name: "Move “Saved cards” to" }) as HTMLSelectElement;
    expect([...menu.options].map((o) => o.value)).toEqual(["", "planned", "in_progress"]);
    fireEvent.change(menu, { target: { value: "planned" } });
    expect(onMove).toHaveBeenCalledWith(expect.objectContaining({ cardId: "x1" }), "planned");
    rerender(<PortfolioBoard items={rows} kind="solutions" />);
    expect(screen.queryByRole("combobox")).toBeNull();
  });
});
