import { afterAll, beforeAll, it } from "vitest";
import type { AnalyticsEngine, FunnelQuery, StageDurationsQuery } from "./engine.ts";
import type { LogEvent } from "./model.ts";
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

/** Some events get a duration attribute: valid ones, and values every engine must ignore. */
function withDurations(events: LogEvent[], seed: number): LogEvent[] {
  const r = rng(seed * 11 + 3);
  const values = () =>
    r() < 0.8
      ? String(Math.floor(r() * 4) * 600_000)
      : (["x", "-1", "1.5", ""][Math.floor(r() * 4)] as string);
  return events.map((e) =>
    r() < 0.6 ? { ...e, attrs: { ...e.attrs, "wayline:duration_ms": values() } } : e,
  );
}

/** Activities dealt into 1–3 stages at random (some left in none). */
function randomStages(seed: number): StageDurationsQuery {
  const r = rng(seed * 13 + 5);
  const n = 1 + Math.floor(r() * 3);
  const groups = Array.from({ length: n }, (_, i) => ({ key: `s${i}`, activities: [] as string[] }));
  for (const a of ["A", "B", "C", "D", "É"]) if (r() < 0.8) groups[Math.floor(r() * n)]?.activities.push(a);
  const stages = groups.filter((g) => g.activities.length > 0);
  return { stages: stages.length > 0 ? stages : [{ key: "s0", activities: ["A"] }] };
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
      const events = withDurations(randomLog(seed), seed);
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
      expectSameAnswer(
        { seed, a: await engine.activityDurations() },
        { seed, a: await oracle.activityDurations() },
      );
      const st = randomStages(seed);
      expectSameAnswer(
        { seed, st, d: await engine.stageDurations(st) },
        { seed, st, d: await oracle.stageDurations(st) },
      );
    }
  }, 120_000);
}

for (const name of ENGINES_UNDER_TEST)
  describeEngine(name, `property: ${name} == ${ORACLE_ENGINE}`, () => propertySuite(name));
