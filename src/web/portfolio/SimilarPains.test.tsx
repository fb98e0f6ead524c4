// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { PortfolioTable } from "./PortfolioTable.tsx";
import type { PortfolioItem, SimilarPainEntry } from "./portfolio-api.ts";
import { painHref, SimilarPains } from "./SimilarPains.tsx";

afterEach(cleanup);

const brief = (mapId: string, cardId: string, summary: string) => ({
  mapId,
  mapTitle: `Map ${mapId}`,
  cardId,
  stageName: "Pay",
  summary,
});

const entry: SimilarPainEntry = {
  pain: brief("m1", "p1", "Refund takes weeks"),
  suggestions: [
    { ...brief("m2", "q1", "<img src=x onerror=alert(1)> refunds late"), score: 0.52, shared: ["refund"] },
    { ...brief("m3", "q2", "Waiting for refund"), score: 0.31, shared: ["refund", "wait"] },
    { ...brief("m4", "q3", "Refund never came"), score: 0.3, shared: ["refund"] },
  ],
  siblings: [brief("m5", "s1", "Slow refunds")],
};

describe("similar pain points in the portfolio", () => {
  it("lists suggestions and siblings as text with links to the card, and reports decisions", () => {
    const onDecide = vi.fn();
    const { container } = render(<SimilarPains entry={entry} onDecide={onDecide} />);
    expect(screen.getByText("3 similar pain points in other maps")).toBeTruthy();
    expect(container.querySelector("img")).toBeNull();
    expect(screen.getByText(/<img src=x/)).toBeTruthy();
    const sib = screen.getByRole("link", { name: /Slow refunds/ });
    expect(sib.getAttribute("href")).toBe("/maps/m5?card=s1");
    fireEvent.click(screen.getByRole("button", { name: "Link Waiting for refund (Map m3)" }));
    expect(onDecide).toHaveBeenLastCalledWith({ mapId: "m3", cardId: "q2" }, "link");
    fireEvent.click(screen.getByRole("button", { name: "Dismiss Refund never came (Map m4)" }));
    expect(onDecide).toHaveBeenLastCalledWith({ mapId: "m4", cardId: "q3" }, "dismiss");
    fireEvent.click(screen.getByRole("button", { name: "Unlink Slow refunds (Map m5)" }));
    expect(onDecide).toHaveBeenLastCalledWith({ mapId: "m5", cardId: "s1" }, "unlink");
    expect(painHref({ mapId: "a b", cardId: "c/d" })).toBe("/maps/a%20b?card=c%2Fd");
  });

  it("the table row says how many similar pain points other maps have and passes the row's pain point", () => {
    const onDecide = vi.fn();
    const item = { type: "pain", mapId: "m1", cardId: "p1", summary: "Refund takes weeks" } as PortfolioItem;
    render(
      <PortfolioTable
        items={[{ ...item, mapTitle: "M", stageName: "S", score: 1, model: "impact_reach" } as PortfolioItem]}
        selected={new Set()}
        onToggle={() => {}}
        onOpen={() => {}}
        similar={new Map([["m1/p1", entry]])}
        onDecide={onDecide}
      />,
    );
    expect(screen.getByText("3 similar pain points in other maps · 1 linked")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Link Refund never came (Map m4)" }));
    expect(onDecide).toHaveBeenCalledWith(
      { mapId: "m1", cardId: "p1" },
      { mapId: "m4", cardId: "q3" },
      "link",
    );
  });
});
