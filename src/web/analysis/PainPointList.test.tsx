// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { PainPointView } from "../../contract/analysis.ts";
import { isOverdue, localToday, PainPointList } from "./PainPointList.tsx";

afterEach(cleanup);

const pain = (cardId: string, rank: number, fields: Partial<PainPointView["fields"]>): PainPointView =>
  ({
    rank,
    cardId,
    text: `Pain ${cardId}`,
    stageId: "s1",
    stageName: "Order",
    impactWeight: 3,
    reach: 0.5,
    score: 1.5,
    emotion: -2,
    fields: {
      kind: "pain",
      impact: "abandon",
      reach: 0.5,
      owner: null,
      dueDate: null,
      status: "open",
      ...fields,
    },
  }) as PainPointView;

const TODAY = "2026-03-10";

describe("PainPointList", () => {
  const list = [
    pain("late", 1, { owner: "Ops team", dueDate: "2026-03-01" }),
    pain("future", 2, { owner: "Kitchen", dueDate: "2026-04-01" }),
    pain("done", 3, { dueDate: "2026-01-01", status: "done" }),
  ];

  it("lists rank, stage, impact, reach, owner, due date and status in priority order", () => {
    render(<PainPointList painPoints={list} today={TODAY} onSelect={() => {}} />);
    const items = screen.getAllByRole("listitem");
    expect(items.map((li) => li.querySelector(".pain-rank")?.textContent)).toEqual(["1", "2", "3"]);
    expect(items[0]?.textContent).toContain("Order");
    expect(items[0]?.textContent).toContain("Abandon");
    expect(items[0]?.textContent).toContain("50 %");
    expect(items[0]?.textContent).toContain("Ops team");
    expect(items[0]?.textContent).toContain("2026-03-01");
    expect(items[2]?.textContent).toContain("Done");
    expect(items[2]?.textContent).toContain("No owner");
  });

  it("highlights only open work past its due date", () => {
    render(<PainPointList painPoints={list} today={TODAY} onSelect={() => {}} />);
    const items = screen.getAllByRole("listitem");
    expect(items.map((li) => li.classList.contains("overdue"))).toEqual([true, false, false]);
    expect(screen.getByRole("button", { name: "#1 Pain late (overdue)" })).toBeTruthy();
    expect(screen.getAllByText("Overdue")).toHaveLength(1);
    expect(isOverdue(pain("x", 1, { dueDate: TODAY }), TODAY)).toBe(false);
  });

  it("selects the card on click", () => {
    const onSelect = vi.fn();
    render(<PainPointList painPoints={list} today={TODAY} onSelect={onSelect} />);
    fireEvent.click(screen.getByRole("button", { name: /Pain future/ }));
    expect(onSelect).toHaveBeenCalledWith("future");
  });

  it("formats today in local time", () => {
    expect(localToday(new Date(2026, 0, 5, 23, 30))).toBe("2026-01-05");
  });
});
