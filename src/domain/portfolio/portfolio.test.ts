import { describe, expect, it } from "vitest";
import { buildMap, card } from "../analysis/test-maps.ts";
import { mapPortfolio, reachSourceText } from "./portfolio.ts";
import { boardOf, filterPortfolio, PortfolioFilterSchema, sortPortfolio } from "./portfolio-query.ts";
import { csvCell, toTrackerCsv } from "./tracker-csv.ts";

const TODAY = "2026-03-01";
const pain = (id: string, stage: string, fields: Record<string, unknown>, text = `Pain ${id}`) =>
  card(id, "pain_points", stage, { text, fields });
const checkout = buildMap(
  [
    { type: "attachPersona", personaId: "eva" },
    pain("p1", "s1", { impact: "trivial", reach: 0.9, owner: " Ana ", dueDate: "2026-04-01" }),
    pain("p2", "s3", { impact: "abandon", reach: 0.5, owner: "Ben", dueDate: "2026-02-01" }),
    pain("p3", "s2", { impact: "workaround", reach: null, status: "done", dueDate: "2026-01-01" }),
    card("i1", "ideas", "s3", {
      text: "One-click pay",
      fields: { painPointIds: ["p1", "p2"], effort: "low" },
    }),
  ],
  { lanes: ["pain_points", "ideas"], id: "checkout", title: "Checkout" },
);
const support = buildMap([pain("q1", "s2", { impact: "workaround", reach: 0.8, owner: "ana" })], {
  lanes: ["pain_points"],
  id: "support",
  title: "Support",
});
const rows = [...mapPortfolio(checkout, TODAY), ...mapPortfolio(support, TODAY)];

describe("mapPortfolio", () => {
  it("gives every pain point (resolved too) and idea with the map's own priority", () => {
    const byId = Object.fromEntries(rows.map((r) => [r.cardId, r]));
    expect(byId.p2).toMatchObject({
      type: "pain",
      score: 1.5,
      overdue: true,
      owner: "Ben",
      stageName: "Buy",
    });
    expect(byId.p1).toMatchObject({ score: 0.9, overdue: false, owner: "Ana", personaIds: ["eva"] });
    expect(byId.p3).toMatchObject({ status: "done", score: null, overdue: false });
    expect(byId.i1).toMatchObject({
      type: "idea",
      status: null,
      score: 1.5,
      effort: "low",
      summary: "One-click pay",
    });
  });
});

describe("filters, order and board", () => {
  it("sorts by priority (score, nulls last), due date, owner", () => {
    expect(sortPortfolio(rows, "priority").map((r) => r.cardId)).toEqual(["q1", "p2", "i1", "p1", "p3"]);
    expect(sortPortfolio(rows, "due").map((r) => r.cardId)).toEqual(["p3", "p2", "p1", "i1", "q1"]);
    expect(sortPortfolio(rows, "owner").map((r) => r.owner)).toEqual(["Ana", "ana", "Ben", null, null]);
  });
  it("filters by type, status, owner, map, persona and overdue", () => {
    const ids = (f: Record<string, string>) =>
      filterPortfolio(rows, PortfolioFilterSchema.parse(f)).map((r) => r.cardId);
    expect(ids({ type: "idea" })).toEqual(["i1"]);
    expect(ids({ status: "done" })).toEqual(["p3"]);
    expect(ids({ owner: "ANA" })).toEqual(["p1", "q1"]);
    expect(ids({ mapId: "support" })).toEqual(["q1"]);
    expect(ids({ personaId: "eva" })).toHaveLength(4);
    expect(ids({ overdue: "true" })).toEqual(["p2"]);
    expect(PortfolioFilterSchema.safeParse({ sort: "rice?" }).success).toBe(false);
    expect(PortfolioFilterSchema.safeParse({ status: "closed" }).success).toBe(false);
  });
  it("puts rows in board columns by status, ideas last", () => {
    const board = boardOf(rows);
    expect(board.map((c) => [c.column, c.items.map((r) => r.cardId)])).toEqual([
      ["open", ["p2", "p1", "q1"]],
      ["in_progress", []],
      ["done", ["p3"]],
      ["wont_fix", []],
      ["idea", ["i1"]],
    ]);
  });
});

describe("issue-tracker CSV", () => {
  it("writes summary, description, assignee, due date, labels and a link", () => {
    const csv = toTrackerCsv(
      sortPortfolio(mapPortfolio(checkout, TODAY), "priority").slice(0, 1),
      "https://wayline.example/",
    );
    const [head, first] = csv.split("\r\n");
    expect(head).toBe("Summary,Description,Assignee,Due date,Labels,Link");
    expect(first).toBe(
      'Pain p2,"Pain p2\n\nJourney: Checkout, stage Buy\nImpact: abandon\nReach: 50 %\nPriority score: 1.5"' +
        ",Ben,2026-02-01,pain-point open overdue journey-checkout,https://wayline.example/maps/checkout",
    );
  });
  it("quotes and defuses formulas", () => {
    expect(csvCell('say "hi", ok')).toBe('"say ""hi"", ok"');
    expect(csvCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvCell("plain")).toBe("plain");
  });
});

describe("data-backed reach", () => {
  it("takes reach from the cases reaching the stage and says where it comes from", () => {
    const data = { logName: "Claims", cases: 6, reached: new Map([["s3", 6]]) };
    const byId = Object.fromEntries(mapPortfolio(checkout, TODAY, data).map((r) => [r.cardId, r]));
    expect(byId.p2).toMatchObject({ reach: 1, score: 3, reachSource: "6 of 6 cases, log Claims" });
    expect(byId.p1).toMatchObject({ reach: 0.9, score: 0.9, reachSource: null });
    expect(byId.i1?.score).toBe(3);
    expect(reachSourceText(1243, 5020, "Q3 web shop")).toBe("1,243 of 5,020 cases, log Q3 web shop");
  });
});
