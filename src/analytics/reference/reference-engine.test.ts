import { join } from "node:path";
import { beforeAll, expect, it } from "vitest";
import type { DurationSummary, FunnelResult } from "../engine.ts";
import { roundNumbers } from "../testing/approx.ts";
import { describeWithSharedLogs, EVENTLOGS_DIR } from "../testing/shared-logs.ts";
import { ReferenceEngine } from "./reference-engine.ts";

/*
 * Hand-computed figures for ../shared/data/eventlogs/running-example.csv, read from the file (all
 * timestamps +01:00, so differences are wall-clock minutes). Each case in time order, with the
 * minutes from the case's "register request":
 *
 * case 1: register 12-30 11:02 · examine thoroughly 12-31 10:06 · check ticket 01-05 15:12 (8890)
 *         · decide 01-06 11:18 (10096 = 7 d 16 min) · reject 01-07 14:24
 * case 2: register 12-30 11:32 · check ticket 12-30 12:12 · examine casually 12-30 14:16
 *         · decide 01-05 11:22 (8630 = 6 d − 10 min) · pay compensation 01-08 12:05 (12993 = 9 d 33 min)
 * case 3: register 12-30 14:32 · examine casually 15:06 · check ticket 16:34 · decide 01-06 09:18
 *         (9766 = 7 d − 5 h 14) · reinitiate 12:18 · examine thoroughly 13:06 · check ticket 01-08 11:43
 *         · decide 01-09 09:55 · pay compensation 01-15 10:45 (22813 = 16 d − 3 h 47)
 * case 4: register 01-06 15:02 · check ticket 01-07 12:06 · examine thoroughly 01-08 14:43
 *         · decide 01-09 12:02 (4140 = 3 d − 3 h) · reject 01-12 15:44
 * case 5: register 01-06 09:02 · examine casually 01-07 10:16 · check ticket 01-08 11:22 · decide 01-10
 *         13:28 (6026 = 4 d 4 h 26) · reinitiate 01-11 16:18 · check ticket 01-14 14:33 · examine casually
 *         01-16 15:50 · decide 01-19 11:18 · reinitiate 01-20 12:48 · examine casually 01-21 09:06
 *         · check ticket 01-21 11:34 · decide 01-23 13:12 · reject 01-24 14:56
 * case 6: register 01-06 15:02 · examine casually 16:06 · check ticket 01-07 16:22 · decide 01-07 16:52
 *         (1550 = 1 d 1 h 50) · pay compensation 01-16 11:47 (14205 = 10 d − 3 h 15)
 *
 * Percentiles are type 7 (percentile.ts): for n = 6 the median is the mean of the 3rd and 4th
 * values and p90 is x[4] + 0.5·(x[5] − x[4]); for n = 5 the median is x[2] and p90 x[3] + 0.6·(x[4] − x[3]).
 */
const MIN = 60_000;
const summary = (minutes: number[], medianMin: number, meanMin: number, p90Min: number): DurationSummary => ({
  medianMs: medianMin * MIN,
  meanMs: meanMin * MIN,
  p90Ms: p90Min * MIN,
  minMs: Math.min(...minutes) * MIN,
  maxMs: Math.max(...minutes) * MIN,
});
const counts = (r: FunnelResult) => r.steps.map((s) => s.count);
/** Rounds to 9 significant digits: hand-written quotients and the engine's sums differ in the last bits. */
const near = <T>(value: T): T => roundNumbers(value) as T;

describeWithSharedLogs("reference engine against hand-computed figures (running-example.csv)", () => {
  const engine = new ReferenceEngine();
  const RCD = ["register request", "check ticket", "decide"];
  beforeAll(async () => {
    await engine.load({ file: join(EVENTLOGS_DIR, "running-example.csv") });
  });

  it("sequential funnel and time to convert: all six cases reach decide", async () => {
    // Conversion times (register → first decide after the first check ticket after it), sorted:
    // 1550, 4140, 6026, 8630, 9766, 10096; sum 40208, mean 6701.33; median (6026 + 8630) / 2 = 7328;
    // p90 9766 + 0.5 · 330 = 9931.
    const r = await engine.funnel({ steps: RCD, mode: "sequential" });
    expect(counts(r)).toEqual([6, 6, 6]);
    expect([r.entered, r.converted, r.conversion]).toEqual([6, 6, 1]);
    const times = [1550, 4140, 6026, 8630, 9766, 10096];
    expect(near(r.timeToConvert)).toMatchObject(near(summary(times, 7328, 40208 / 6, 9931)));
  });

  it("strict funnel: the next event must be the next step", async () => {
    // register is directly followed by check ticket only in cases 2 and 4, and there check ticket is
    // followed by examine, never by decide: 6 → 2 → 0, nothing converts.
    const r = await engine.funnel({ steps: RCD, mode: "strict" });
    expect(counts(r)).toEqual([6, 2, 0]);
    expect(r.timeToConvert).toBeNull();
    // The first check ticket is directly followed by decide in cases 1 (20 h 06 = 1206), 3 (9644 =
    // 7 d − 7 h 16), 5 (3006 = 2 d 2 h 06) and 6 (30); not in 2 (examine casually) or 4 (examine
    // thoroughly). Sorted 30, 1206, 3006, 9644: median 2106, mean 13886 / 4 = 3471.5,
    // p90 (h = 2.7) 3006 + 0.7 · 6638 = 7652.6.
    const cd = await engine.funnel({ steps: ["check ticket", "decide"], mode: "strict" });
    expect([cd.entered, cd.converted]).toEqual([6, 4]);
    expect(near(cd.timeToConvert)).toMatchObject(near(summary([30, 1206, 3006, 9644], 2106, 3471.5, 7652.6)));
  });

  it("any-order funnel converts cases the sequential funnel cannot", async () => {
    // pay compensation occurs in cases 2, 3 and 6, always after register request: in order nothing
    // converts; in any order all three do, in pay − register = 12993, 22813, 14205 minutes.
    const steps = ["pay compensation", "register request"];
    const seq = await engine.funnel({ steps, mode: "sequential" });
    expect([seq.entered, seq.converted]).toEqual([3, 0]);
    const any = await engine.funnel({ steps, mode: "any" });
    expect([any.entered, any.converted]).toEqual([3, 3]);
    // sorted 12993, 14205, 22813: median 14205, mean 50011 / 3, p90 (h = 1.8) 14205 + 0.8 · 8608.
    expect(near(any.timeToConvert)).toMatchObject(
      near(summary([12993, 14205, 22813], 14205, 50011 / 3, 14205 + 0.8 * 8608)),
    );
  });

  it("windowed funnel: a 7-day window excludes case 1 (decide after 7 d 16 min), bound inclusive", async () => {
    // Times within 10080 min: 1550, 4140, 6026, 8630, 9766 (n = 5): median 6026, mean 30112 / 5,
    // p90 (h = 3.6) 8630 + 0.6 · 1136 = 9311.6. Case 1 still reaches check ticket (8890 ≤ 10080).
    const week = await engine.funnel({ steps: RCD, mode: "sequential", windowMs: 7 * 1440 * MIN });
    expect(counts(week)).toEqual([6, 6, 5]);
    expect(near(week.timeToConvert)).toMatchObject(
      near(summary([1550, 4140, 6026, 8630, 9766], 6026, 30112 / 5, 9311.6)),
    );
    const exact = await engine.funnel({ steps: RCD, mode: "sequential", windowMs: 10096 * MIN });
    expect(counts(exact)).toEqual([6, 6, 6]);
    const short = await engine.funnel({ steps: RCD, mode: "sequential", windowMs: 10095 * MIN });
    expect(counts(short)).toEqual([6, 6, 5]);
  });

  it("DFG edges: counts and mean/median time between directly following events", async () => {
    // check ticket → decide: case 1 1206, case 3 9644 and 1332 (01-08 11:43 → 01-09 09:55),
    // case 5 3006 and 2978 (01-21 11:34 → 01-23 13:12), case 6 30. Sorted 30, 1206, 1332, 2978,
    // 3006, 9644: median (1332 + 2978) / 2 = 2155, mean 18196 / 6.
    // decide → pay compensation: case 2 4363 (3 d 43), case 3 8690 (6 d 50), case 6 12655 (9 d − 5 h 05):
    // median 8690, mean 25708 / 3.
    // register request → examine casually: case 3 34, case 5 1514 (1 d 1 h 14), case 6 64: median 64,
    // mean 1612 / 3.
    const dfg = await engine.dfg();
    const edge = (from: string, to: string) => dfg.find((e) => e.from === from && e.to === to);
    expect(near(edge("check ticket", "decide"))).toEqual(
      near({
        from: "check ticket",
        to: "decide",
        count: 6,
        medianMs: 2155 * MIN,
        meanMs: (18196 / 6) * MIN,
      }),
    );
    expect(near(edge("decide", "pay compensation"))).toMatchObject(
      near({
        count: 3,
        medianMs: 8690 * MIN,
        meanMs: (25708 / 3) * MIN,
      }),
    );
    expect(near(edge("register request", "examine casually"))).toMatchObject(
      near({
        count: 3,
        medianMs: 64 * MIN,
        meanMs: (1612 / 3) * MIN,
      }),
    );
    // 42 events in 6 cases make 36 directly-follows pairs; check ticket → decide is the busiest.
    expect(dfg.reduce((s, e) => s + e.count, 0)).toBe(36);
    expect(dfg[0]).toMatchObject({ from: "check ticket", to: "decide" });
  });
});
