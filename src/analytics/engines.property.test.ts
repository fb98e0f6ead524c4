import { afterAll, beforeAll, it } from "vitest";
import type { AnalyticsEngine, FunnelQuery } from "./engine.ts";
import { type EngineName, ORACLE_ENGINE, openEngine } from "./registry.ts";
import { expectSameAnswer } from "./testing/approx.ts";
import { describeEngine, ENGINES_UNDER_TEST } from "./testing/engines.ts";
import { randomLog, rng } from "./testing/random-log.ts";

const ITERATIONS = 50;

function randomFunnel(seed: number): FunnelQuery {
  const r = rng(seed * 7 + 1);
  const acts = ["A", "B", "C", "D", "É"];
  const steps = Array.from({ length: 2 + Math.floor(r() * 3) }, () => acts[Math.floor(r() * 3)] as string);
  const mode = (["sequential", "strict", "any"] as const)[Math.floor(r() * 3)];
  const windowMs = r() < 0.5 ? undefined : (1 + Math.floor(r() * 4)) * 3_600_000;
  return { steps, mode, windowMs, by: r() < 0.5 ? "channel" : undefined, bins: 1 + Math.floor(r() * 5) };
}

function propertySuite(name: EngineName): void {
  let engine: AnalyticsEngine;
  let oracle: AnalyticsEngine;
  beforeAll(async () => {
    engine = await openEngine(name);
    oracle = await openEngine(ORACLE_ENGINE);
  });
  afterAll(async () => {
    await engine.close();
    await oracle.close();
  });

  it(`matches the reference on ${ITERATIONS} seeded random logs`, async () => {
    for (let seed = 1; seed <= ITERATIONS; seed++) {
      const events = randomLog(seed);
      await oracle.load({ events });
      await engine.load({ events });
      expectSameAnswer({ seed, stats: await engine.stats() }, { seed, stats: await oracle.stats() });
      expectSameAnswer(
        { seed, v: await engine.variants({ top: 3 }) },
        { seed, v: await oracle.variants({ top: 3 }) },
      );
      // The log as it was at one of its own instants (ties on the boundary: before is exclusive).
      const before = events[Math.floor(events.length / 2)]?.timestamp;
      if (before !== undefined)
        expectSameAnswer(
          { seed, before, v: await engine.variants({ top: 5, before }) },
          { seed, before, v: await oracle.variants({ top: 5, before }) },
        );
      expectSameAnswer({ seed, dfg: await engine.dfg() }, { seed, dfg: await oracle.dfg() });
      const p = { from: "B", depth: 2, top: 2 };
      expectSameAnswer({ seed, p: await engine.paths(p) }, { seed, p: await oracle.paths(p) });
      const q = randomFunnel(seed);
      expectSameAnswer({ seed, q, f: await engine.funnel(q) }, { seed, q, f: await oracle.funnel(q) });
    }
  }, 120_000);
}

for (const name of ENGINES_UNDER_TEST)
  describeEngine(name, `property: ${name} == ${ORACLE_ENGINE}`, () => propertySuite(name));
