import { describe, expect, it } from "vitest";
import type * as Y from "yjs";
import { WaylineError } from "../errors.ts";
import { sampleDoc, sequentialIds } from "../testing.ts";
import { fromYDoc } from "../ydoc/from-ydoc.ts";
import { applyCommands } from "./apply.ts";
import { invertCommand } from "./invert.ts";
import { type MapCommand, MapCommandSchema } from "./schema.ts";

const run = (doc: Y.Doc, ...cmds: unknown[]) =>
  applyCommands(
    doc,
    cmds.map((c) => MapCommandSchema.parse(c)),
    { now: "2026-02-01T00:00:00.000Z", newId: sequentialIds("n") },
  );

function errorOf(fn: () => unknown): WaylineError {
  try {
    fn();
  } catch (e) {
    if (e instanceof WaylineError) return e;
    throw e;
  }
  throw new Error("expected a WaylineError");
}

/** A map with a pain point p1, an idea i1 addressing it and a KPI k1. */
function doc(): Y.Doc {
  const d = sampleDoc(["Aware", "Buy"], ["pain_points", "ideas", "kpis"]);
  run(
    d,
    {
      type: "addCard",
      id: "p1",
      laneId: "l-pain_points",
      stageId: "s1",
      text: "Slow",
      fields: { impact: "abandon" },
    },
    {
      type: "addCard",
      id: "k1",
      laneId: "l-kpis",
      stageId: "s2",
      fields: { name: "Conversion", unit: "%", target: 40 },
    },
    {
      type: "addCard",
      id: "i1",
      laneId: "l-ideas",
      stageId: "s1",
      text: "Cache",
      fields: { painPointIds: ["p1"] },
    },
  );
  return d;
}
const card = (d: Y.Doc, id: string) => fromYDoc(d).cards.find((c) => c.id === id);

describe("setSolution", () => {
  it("makes an idea a shipped solution linked to a KPI, and its inverse makes it an idea again", () => {
    const d = doc();
    const before = fromYDoc(d);
    const c = MapCommandSchema.parse({
      type: "setSolution",
      id: "i1",
      solution: { status: "shipped", shipDate: "2026-01-20", kpiIds: ["k1"] },
    });
    run(d, c);
    expect(card(d, "i1")?.fields).toMatchObject({
      kind: "idea",
      painPointIds: ["p1"],
      solutionStatus: "shipped",
      shipDate: "2026-01-20",
      kpiIds: ["k1"],
    });
    run(d, ...invertCommand(before, c));
    expect(card(d, "i1")?.fields).toMatchObject({ solutionStatus: null, shipDate: null, kpiIds: [] });
  });

  it("refuses a card that is not an idea and a KPI link to a card that is not a KPI", () => {
    const d = doc();
    const notIdea = errorOf(() => run(d, { type: "setSolution", id: "p1", solution: { status: "planned" } }));
    expect(notIdea.message).toBe('commands[0].id: card "p1" is not an idea; only ideas become solutions');
    const badKpi = errorOf(() =>
      run(d, { type: "setSolution", id: "i1", solution: { status: "planned", kpiIds: ["p1"] } }),
    );
    expect(badKpi.details?.problems).toEqual([
      { path: "commands[0].fields.kpiIds[0]", message: 'no KPI card with id "p1"' },
    ]);
    expect(card(d, "i1")?.fields).toMatchObject({ solutionStatus: null });
  });

  it("a deleted KPI drops out of the solution and comes back when the delete is undone", () => {
    const d = doc();
    run(d, { type: "setSolution", id: "i1", solution: { status: "in_progress", kpiIds: ["k1"] } });
    const before = fromYDoc(d);
    const del: MapCommand = { type: "deleteCard", id: "k1" as never };
    run(d, del);
    expect(card(d, "i1")?.fields).toMatchObject({ kpiIds: [] });
    run(d, { type: "updateCard", id: "i1", fields: { effort: "low" } }); // a dangling link blocks nothing
    run(d, ...invertCommand(before, del));
    expect(card(d, "i1")?.fields).toMatchObject({ kpiIds: ["k1"], effort: "low" });
  });
});

describe("KPI history", () => {
  it("records values by date (one per date, sorted), the card's value follows the latest", () => {
    const d = doc();
    run(
      d,
      { type: "recordKpiValue", id: "k1", date: "2026-03-01", value: 31 },
      { type: "recordKpiValue", id: "k1", date: "2026-01-01", value: 20, origin: "log" },
      { type: "recordKpiValue", id: "k1", date: "2026-03-01", value: 33 },
      { type: "recordKpiValue", id: "k1", date: "2026-02-01", value: 25 },
    );
    expect(card(d, "k1")?.fields).toMatchObject({
      value: 33,
      asOf: "2026-03-01",
      history: [
        { date: "2026-01-01", value: 20, origin: "log" },
        { date: "2026-02-01", value: 25, origin: "manual" },
        { date: "2026-03-01", value: 33, origin: "manual" },
      ],
    });
    const before = fromYDoc(d);
    const rm = MapCommandSchema.parse({ type: "removeKpiValue", id: "k1", date: "2026-03-01" });
    run(d, rm);
    expect(card(d, "k1")?.fields).toMatchObject({ value: 25, asOf: "2026-02-01" });
    run(d, ...invertCommand(before, rm));
    expect(card(d, "k1")?.fields).toEqual(before.cards.find((c) => c.id === "k1")?.fields);
  });

  it("refuses a non-KPI card, a date without a value and a bad date", () => {
    const d = doc();
    expect(
      errorOf(() => run(d, { type: "recordKpiValue", id: "p1", date: "2026-01-01", value: 1 })).message,
    ).toBe('commands[0].id: card "p1" is not a KPI');
    expect(errorOf(() => run(d, { type: "removeKpiValue", id: "k1", date: "2026-01-01" })).message).toBe(
      "commands[0].date: the KPI has no value on 2026-01-01",
    );
    expect(
      MapCommandSchema.safeParse({ type: "recordKpiValue", id: "k1", date: "1 Jan", value: 1 }).success,
    ).toBe(false);
  });

  it("keeps at most 500 values", () => {
    const d = doc();
    const days = Array.from({ length: 500 }, (_, i) =>
      new Date(Date.UTC(2025, 0, 1 + i)).toISOString().slice(0, 10),
    );
    run(d, ...days.map((date, i) => ({ type: "recordKpiValue", id: "k1", date, value: i })));
    const err = errorOf(() => run(d, { type: "recordKpiValue", id: "k1", date: "2027-01-01", value: 1 }));
    expect(err.message).toBe("commands[0].date: a KPI keeps at most 500 values; remove old ones first");
    expect(card(d, "k1")?.fields).toMatchObject({ value: 499 });
  });
});
