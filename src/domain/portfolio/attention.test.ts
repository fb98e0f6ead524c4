import { describe, expect, it } from "vitest";
import { DEFAULT_HEALTH_CONFIG } from "../analysis/health/config.ts";
import { healthyMap, TODAY } from "../analysis/health/healthy-map.ts";
import { card } from "../analysis/test-maps.ts";
import { countByOwner, failsOn, mapAttention, sortAttention } from "./attention.ts";
import { isOverdue } from "./overdue.ts";

const ctx = { today: TODAY, config: DEFAULT_HEALTH_CONFIG, counterpartExists: true };
const props = (patch: Record<string, unknown>) => ({ type: "setMapProperties", patch });
const pain = (id: string, fields: Record<string, unknown>) =>
  card(id, "pain_points", "s4", { text: `Pain ${id}`, fields });

describe("mapAttention", () => {
  it("finds nothing on a healthy, reviewed, owned map", () => {
    expect(mapAttention(healthyMap(), ctx)).toEqual([]);
  });

  it("lists overdue pain points with their owner and days overdue; resolved ones are never overdue", () => {
    const map = healthyMap([
      props({ owner: "Maria" }),
      pain("late", { owner: "Ben", dueDate: "2026-02-19", status: "in_progress" }),
      pain("done", { owner: "Ben", dueDate: "2026-01-01", status: "done" }),
      pain("today", { owner: "Ben", dueDate: TODAY }),
    ]);
    const items = mapAttention(map, ctx);
    expect(items.map((i) => [i.kind, i.cardId, i.owner])).toEqual([["pain-overdue", "late", "Ben"]]);
    expect(items[0]?.message).toBe("Pain point “Pain late” was due on 2026-02-19 (10 days overdue).");
    expect(items[0]).toMatchObject({ dueDate: "2026-02-19", stageId: "s4", severity: "warning" });
  });

  it("reuses the health rules: review cadence, stale research, unowned pain, missing future state", () => {
    const map = healthyMap([
      props({ owner: "Maria", lastReviewedAt: "2025-08-01", counterpartId: null }),
      pain("orphan", { owner: null, dueDate: "2026-09-01" }),
      {
        type: "addEvidence",
        cardId: "t1",
        evidence: { id: "e9", kind: "survey", title: "Old survey", url: null, date: "2024-12-01", note: "" },
      },
    ]);
    const kinds = mapAttention(map, ctx).map((i) => [i.kind, i.cardId ?? null, i.owner]);
    expect(kinds).toEqual([
      ["review-overdue", null, "Maria"],
      ["research-stale", "t1", "Maria"],
      ["pain-no-owner", "orphan", "Maria"],
      ["future-state-missing", null, "Maria"],
    ]);
  });

  it("honours the workspace settings: rules switched off, cadence and research age", () => {
    const map = healthyMap([props({ lastReviewedAt: "2025-08-01", counterpartId: null })]);
    expect(mapAttention(map, ctx).map((i) => i.kind)).toEqual(["review-overdue", "future-state-missing"]);
    const relaxed = {
      ...ctx,
      config: {
        ...DEFAULT_HEALTH_CONFIG,
        reviewCadenceMonths: 12,
        rules: { "future-state-missing": "off" as const },
      },
    };
    expect(mapAttention(map, relaxed)).toEqual([]);
    const strict = { ...ctx, config: { ...DEFAULT_HEALTH_CONFIG, researchMaxAgeMonths: 1 } };
    expect(mapAttention(healthyMap(), strict).map((i) => [i.kind, i.cardId])).toEqual([
      ["research-stale", "pain1"],
    ]);
  });

  it("skips archived maps and names nobody when the map has no owner", () => {
    const stale = [props({ lastReviewedAt: "2025-01-01" })];
    expect(mapAttention(healthyMap([...stale, props({ status: "archived" })]), ctx)).toEqual([]);
    expect(mapAttention(healthyMap(stale), ctx)[0]?.owner).toBeNull();
  });
});

describe("helpers", () => {
  const items = mapAttention(
    healthyMap([
      props({ owner: "Maria", lastReviewedAt: "2025-01-01" }),
      pain("a", { owner: "ben ", dueDate: "2026-02-01" }),
      pain("b", { owner: "Ben", dueDate: "2026-01-01" }),
    ]),
    ctx,
  );
  it("sorts overdue first, oldest due date first", () => {
    expect(sortAttention(items).map((i) => i.cardId ?? i.kind)).toEqual(["b", "a", "review-overdue"]);
  });
  it("counts per owner case-insensitively", () => {
    expect(countByOwner(items)).toEqual([
      { owner: "ben", count: 2 },
      { owner: "Maria", count: 1 },
    ]);
  });
  it("fails on overdue or stale only when such items exist", () => {
    expect(failsOn(items, "overdue")).toBe(true);
    expect(failsOn(items, "stale")).toBe(true);
    expect(
      failsOn(
        items.filter((i) => i.kind !== "pain-overdue"),
        "overdue",
      ),
    ).toBe(false);
    expect(
      failsOn(
        items.filter((i) => i.kind === "pain-overdue"),
        "stale",
      ),
    ).toBe(false);
  });
  it("isOverdue needs an open status and a due date before today", () => {
    expect(isOverdue({ status: "open", dueDate: "2026-02-28" }, TODAY)).toBe(true);
    expect(isOverdue({ status: "wont_fix", dueDate: "2026-02-28" }, TODAY)).toBe(false);
    expect(isOverdue({ status: "open", dueDate: null }, TODAY)).toBe(false);
  });
});
