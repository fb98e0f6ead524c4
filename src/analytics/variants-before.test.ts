import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { AnalyticsEngine, VariantsResult } from "./engine.ts";
import { ENGINE_NAMES, ORACLE_ENGINE, openEngine } from "./registry.ts";
import { expectSameAnswer } from "./testing/approx.ts";
import { describeEngine } from "./testing/engines.ts";
import { describeWithSharedLogs, EVENTLOGS_DIR } from "./testing/shared-logs.ts";

/** The first instant after a UTC day. */
const endOf = (day: string) => Date.parse(`${day}T00:00:00.000Z`) + 86_400_000;

const byCount = (v: VariantsResult) =>
  v.variants.map((x) => `${x.count}× ${x.activities.join(" > ")}`).sort();

/**
 * `variants({ before })`: the log as it was at an instant (the KPI values "computed from a log at
 * a date"). Checked by hand on running-example.csv (times are +01:00) and engine against oracle.
 */
describeWithSharedLogs("variants of the log as it was at a date", () => {
  for (const name of ENGINE_NAMES) {
    describeEngine(name, `${name}: variants before a date`, () => {
      let engine: AnalyticsEngine;
      let oracle: AnalyticsEngine;
      beforeAll(async () => {
        const file = join(EVENTLOGS_DIR, "running-example.csv");
        engine = await openEngine(name);
        await engine.load({ file });
        oracle = await openEngine(ORACLE_ENGINE);
        await oracle.load({ file });
      });
      afterAll(async () => {
        await engine?.close();
        await oracle?.close();
      });

      it("at the end of 2011-01-07 only the events until then count", async () => {
        const v = await engine.variants({ top: 100, before: endOf("2011-01-07") });
        expect(v.cases).toBe(6);
        expect(byCount(v)).toEqual([
          "1× register request > check ticket", // case 4: examine thoroughly came on the 8th
          "1× register request > check ticket > examine casually > decide", // case 2: paid on the 8th
          "1× register request > examine casually", // case 5
          "1× register request > examine casually > check ticket > decide", // case 6
          "1× register request > examine casually > check ticket > decide > reinitiate request > examine thoroughly", // case 3
          "1× register request > examine thoroughly > check ticket > decide > reject request", // case 1
        ]);
        expect(v.coverage).toBe(1);
      });

      it("at two dates and before the first event, the same answer as the reference engine", async () => {
        for (const day of ["2011-01-07", "2011-01-15", "2010-12-29"]) {
          const q = { top: 3, before: endOf(day) };
          expectSameAnswer(await engine.variants(q), await oracle.variants(q));
        }
        const mid = await engine.variants({ top: 100, before: endOf("2011-01-15") });
        expect(mid.cases).toBe(6);
        expect(mid.variants.flatMap((x) => x.activities).filter((a) => a === "reject request")).toHaveLength(
          2, // cases 1 and 4; case 5 is rejected on the 24th
        );
        const none = await engine.variants({ top: 3, before: endOf("2010-12-29") });
        expect(none).toEqual({ cases: 0, total: 0, variants: [], coverage: 0 });
        // No cut: the whole log, as before (the cached variants).
        expect((await engine.variants({ top: 100 })).cases).toBe(6);
        expect((await engine.variants({ top: 100 })).total).toBe(6);
      });
    });
  }
});
