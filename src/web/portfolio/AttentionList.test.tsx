// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { AttentionList } from "./AttentionList.tsx";
import type { AttentionItem } from "./portfolio-api.ts";

afterEach(cleanup);

const item = (kind: AttentionItem["kind"], extra: Partial<AttentionItem> = {}): AttentionItem => ({
  kind,
  severity: "warning",
  mapId: "m1",
  mapTitle: "Checkout",
  owner: null,
  message: `${kind} message`,
  hint: `${kind} hint`,
  ...extra,
});

describe("AttentionList", () => {
  it("groups items by kind, most urgent first, and highlights overdue pain points", () => {
    render(
      <AttentionList
        items={[
          item("future-state-missing", { mapId: "m2", mapTitle: "Onboarding" }),
          item("pain-overdue", { owner: "Ben", cardId: "c1", dueDate: "2026-01-01" }),
        ]}
        onOpen={() => {}}
      />,
    );
    const groups = screen.getAllByRole("region");
    expect(groups.map((g) => g.getAttribute("aria-label"))).toEqual([
      "Overdue pain points",
      "Maps without a future state",
    ]);
    const overdue = within(groups[0] as HTMLElement).getByRole("listitem");
    expect(overdue.className).toContain("overdue");
    expect(overdue.textContent).toContain("Ben");
    expect(within(groups[1] as HTMLElement).getByRole("listitem").className).not.toContain("overdue");
    expect(within(groups[1] as HTMLElement).getByText("No owner")).toBeTruthy();
  });

  it("opens the map of an item and says when nothing needs attention", () => {
    const onOpen = vi.fn();
    render(<AttentionList items={[item("review-overdue", { mapId: "a b" })]} onOpen={onOpen} />);
    fireEvent.click(screen.getByRole("link", { name: "Checkout" }));
    expect(onOpen).toHaveBeenCalledWith("/maps/a%20b");
    cleanup();
    render(<AttentionList items={[]} onOpen={onOpen} />);
    expect(screen.getByText(/Nothing needs attention/)).toBeTruthy();
  });
});
