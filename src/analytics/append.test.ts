import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnalyticsEngine } from "./engine.ts";
import type { LogEvent } from "./model.ts";
import { ENGINE_NAMES, type EngineName, openEngine } from "./registry.ts";
import { expectSameAnswer } from "./testing/approx.ts";
import { describeEngine } from "./testing/engines.ts";
import { randomLog } from "./testing/random-log.ts";

/**
 * `append` gives the same answers as loading every event at once: a log loaded in two parts
 * (the second appended in two batches, with a timestamp tie across the boundary) is compared
 * with the whole log loaded by the same engine and by the oracle.
 */
function appendSuite(name: EngineName): void {
  const all = randomLog(14);
  const cut = Math.floor(all.length / 2);
  const first = all.slice(0, cut);
  // A tie with the last loaded event of its case: the appended one must come after it.
  const tieOf = first[first.length - 1] as LogEvent;
  const tie: LogEvent = { ...tieOf, activity: "tie-after", seq: 0, attrs: { live: "yes" } };
  const rest = [...all.slice(cut), tie];
  let parts: AnalyticsEngine;
  let whole: AnalyticsEngine;
  beforeAll(async () => {
    parts = await openEngine(name);
    whole = await openEngine("reference");
    await parts.load({ events: first });
    // Asked once before the append, so any cached per-case tables must be forgotten.
    await parts.stats();
    const half = Math.floor(rest.length / 2);
    expect(await parts.append(rest.slice(0, half))).toBe(half);
    expect(await parts.append(rest.slice(half))).toBe(rest.length - half);
    await whole.load({ events: [...first, ...rest].map((e, i) => ({ ...e, seq: i })) });
  });
  afterAll(async () => {
    await parts?.close();
    await whole?.close();
  });

  it("stats, variants and dfg match one load of every event", async () => {
    const stats = await parts.stats();
    expect(stats.events).toBe(all.length + 1);
    expectSameAnswer(stats, await whole.stats());
    expectSameAnswer(await parts.variants({ top: 50 }), await whole.variants({ top: 50 }));
    expectSameAnswer(await parts.dfg(), await whole.dfg());
  });

  it("the appended tie comes after the loaded event (paths)", async () => {
    const q = { from: tieOf.activity, depth: 2, top: 100 };
    expectSameAnswer(await parts.paths(q), await whole.paths(q));
  });

  it("appending nothing changes nothing", async () => {
    const before = await parts.stats();
    expect(await parts.append([])).toBe(0);
    expectSameAnswer(await parts.stats(), before);
  });
}

for (const name of ENGINE_NAMES) describeEngine(name, `${name}: append`, () => appendSuite(name));

describe("append on an empty engine", () => {
  it("duckdb refuses before a load (no events table)", async () => {
    const e = await openEngine("duckdb");
    await expect(e.append(randomLog(1).slice(0, 2))).rejects.toThrow();
    await e.close();
  });
});
