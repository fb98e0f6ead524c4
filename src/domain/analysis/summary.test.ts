import { describe, expect, it } from "vitest";
import { buildSummary } from "./summary.ts";
import { toHtml } from "./summary-html.ts";
import { escapeMarkdown, toMarkdown } from "./summary-markdown.ts";
import { buildMap, card } from "./test-maps.ts";

const pain = (id: string, stage: string, text: string, fields: Record<string, unknown>) =>
  card(id, "pain_points", stage, { text, fields });

function sampleMap() {
  return buildMap(
    [
      {
        type: "setMapProperties",
        patch: { goal: { statement: "Halve checkout abandonment", metric: "", target: "" } },
      },
      pain("p-top", "s3", "Hidden delivery fees", {
        impact: "abandon",
        reach: 0.6,
        owner: "Checkout squad",
        dueDate: "2026-06-01",
      }),
      pain("p-late", "s2", "Slow search", {
        impact: "workaround",
        reach: 0.3,
        owner: "Search team",
        dueDate: "2026-02-01",
      }),
      pain("p-xss", "s4", "<script>alert(1)</script> | *bold*", { impact: "trivial", reach: 0.1 }),
      pain("p-done", "s1", "Old issue", {
        impact: "abandon",
        reach: 1,
        status: "done",
        dueDate: "2025-01-01",
      }),
      card("own3", "ownership", "s3", { fields: { department: "E-commerce" } }),
      card("i1", "ideas", "s3", {
        text: "Show fees upfront",
        fields: { painPointIds: ["p-top"], effort: "low" },
      }),
      card("i2", "ideas", "s5", { text: "Loyalty app", fields: { effort: "high" } }),
      card("i3", "ideas", "s3", { text: "Fee calculator", fields: { effort: "medium" } }),
    ],
    { lanes: ["pain_points", "ideas", "ownership"], title: "Checkout & <b>more</b>" },
  );
}
const summary = () => buildSummary(sampleMap(), { today: "2026-03-01" });

describe("buildSummary", () => {
  it("lists unresolved pain points by priority with owners", () => {
    const s = summary();
    expect(s.topPainPoints.map((p) => [p.rank, p.cardId, p.owner])).toEqual([
      [1, "p-top", "Checkout squad"],
      [2, "p-late", "Search team"],
      [3, "p-xss", null],
    ]);
    expect(buildSummary(sampleMap(), { today: "2026-03-01", topN: 1 }).topPainPoints).toHaveLength(1);
  });
  it("builds the action plan by due date and flags overdue items relative to today", () => {
    const s = summary();
    expect(s.actionPlan.map((a) => [a.cardId, a.overdue])).toEqual([
      ["p-late", true],
      ["p-top", false],
      ["p-xss", false],
    ]);
    expect(s.overdue.map((a) => a.cardId)).toEqual(["p-late"]);
    expect(buildSummary(sampleMap(), { today: "2026-01-31" }).overdue).toEqual([]);
  });
  it("lists opportunities with their owner teams, quick wins first", () => {
    const s = summary();
    expect(s.opportunities.map((o) => [o.text, o.quickWin, o.ownerTeams, o.addresses])).toEqual([
      ["Show fees upfront", true, ["Checkout squad"], ["Hidden delivery fees"]],
      ["Fee calculator", false, ["E-commerce"], []],
      ["Loyalty app", false, [], []],
    ]);
  });
  it("carries the health score", () => {
    const s = summary();
    expect(s.health.score).toBeGreaterThan(0);
    expect(s.health.score).toBeLessThan(100);
    expect(
      buildSummary(sampleMap(), {
        today: "2026-03-01",
        health: { score: 42, findings: [], counts: { error: 0, warning: 0, info: 0 } },
      }).health.score,
    ).toBe(42);
  });
});

describe("toMarkdown", () => {
  it("shows the top pain point with its owner and flags the overdue action", () => {
    const md = toMarkdown(summary());
    expect(md).toContain(
      "| 1 | Hidden delivery fees | Buy | 1.8 (abandon × 60 %) | Checkout squad | 2026-06-01 |",
    );
    expect(md).toMatch(/Fix: Slow search \| Research \| Search team \| 2026-02-01 \*\*⚠ OVERDUE\*\*/);
    expect(md).toContain("## Overdue (1)");
    expect(md).toContain("Halve checkout abandonment");
  });
  it("escapes user text", () => {
    const md = toMarkdown(summary());
    expect(md).not.toContain("<script>");
    expect(md).toContain("\\<script\\>alert(1)\\</script\\> \\| \\*bold\\*");
    expect(md).toContain("# Stakeholder summary: Checkout & \\<b\\>more\\</b\\>");
    expect(escapeMarkdown("a\n| b")).toBe("a \\| b");
  });
});

describe("labels", () => {
  it("names the map kind, map status and action status as the editor does", () => {
    const md = toMarkdown(summary());
    expect(md).toContain("_Current state · Draft · as of 2026-03-01 ·");
    expect(md).toMatch(/Fix: Hidden delivery fees \| Buy \| Checkout squad \| 2026-06-01 \| Open \|/);
    const circular = { ...summary(), kind: "circular" as const, status: "in_review" as const };
    expect(toHtml(circular)).toContain('<p class="meta">Circular · In review · as of 2026-03-01');
    expect(toMarkdown(circular)).toContain("_Circular · In review ·");
  });
});

describe("toHtml", () => {
  it("shows the top pain point with its owner and flags the overdue action", () => {
    const html = toHtml(summary());
    expect(html).toMatch(
      /<td>1<\/td><td>Hidden delivery fees<\/td><td>Buy<\/td><td>[^<]+<\/td><td>Checkout squad<\/td>/,
    );
    expect(html).toMatch(/<tr class="overdue"><td>Fix: Slow search<\/td>.*⚠ Overdue/);
    expect(html).toContain("<style>");
    expect(html).toContain("@media print");
  });
  it("escapes all user text", () => {
    const html = toHtml(summary());
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<b>more");
    expect(html).toContain("&#60;script&#62;alert(1)&#60;/script&#62;");
    expect(html).toContain("Checkout &#38; &#60;b&#62;more&#60;/b&#62;");
  });
});
