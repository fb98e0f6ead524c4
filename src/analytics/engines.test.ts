import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeWithService } from "../testing/services.ts";
import { probeClickHouse } from "./clickhouse/client.ts";
import type { AnalyticsEngine } from "./engine.ts";
import { type EngineName, openEngine } from "./open-engine.ts";
import { ReferenceEngine } from "./reference/reference-engine.ts";
import { expectSameAnswer } from "./testing/approx.ts";
import { EVENTLOGS_DIR, REFERENCE_FIGURES, sharedLogsAvailable } from "./testing/shared-logs.ts";

const logs = sharedLogsAvailable();
const clickhouse = await probeClickHouse();

function engineSuite(name: EngineName): void {
  for (const fig of REFERENCE_FIGURES) {
    describe(fig.file, () => {
      let engine: AnalyticsEngine;
      const oracle = new ReferenceEngine();
      const file = join(EVENTLOGS_DIR, fig.file);
      beforeAll(async () => {
        engine = await openEngine(name);
        await engine.load({ file });
        await oracle.load({ file });
      });
      afterAll(() => engine.close());

      it("reproduces the reference figures", async () => {
        const s = await engine.stats();
        expect([s.events, s.cases, s.activities, s.variants]).toEqual([
          fig.events,
          fig.cases,
          fig.activities,
          fig.variants,
        ]);
      });

      it("answers stats, variants, dfg and paths like the reference engine", async () => {
        expectSameAnswer(await engine.stats(), await oracle.stats());
        expectSameAnswer(await engine.variants({ top: 7 }), await oracle.variants({ top: 7 }));
        expectSameAnswer(await engine.dfg(), await oracle.dfg());
        const start = (await oracle.stats()).startActivities[0]?.activity as string;
        const end = (await oracle.stats()).endActivities[0]?.activity as string;
        expectSameAnswer(
          await engine.paths({ from: start, depth: 3, top: 3 }),
          await oracle.paths({ from: start, depth: 3, top: 3 }),
        );
        expectSameAnswer(
          await engine.paths({ to: end, depth: 2, top: 4 }),
          await oracle.paths({ to: end, depth: 2, top: 4 }),
        );
      });

      it("answers funnels in every mode like the reference engine", async () => {
        const stats = await oracle.stats();
        const dfg = await oracle.dfg();
        const steps = [
          stats.startActivities[0]?.activity,
          dfg[0]?.to,
          stats.endActivities[0]?.activity,
        ] as string[];
        for (const mode of ["sequential", "strict", "any"] as const) {
          for (const windowMs of [undefined, 7 * 86_400_000]) {
            const q = { steps, mode, windowMs, by: "org:resource" };
            expectSameAnswer(await engine.funnel(q), await oracle.funnel(q));
          }
        }
      });
    });
  }
}

describe.skipIf(!logs)("DuckDB engine on the shared logs", () => engineSuite("duckdb"));
describe.skipIf(!logs)("reference engine on the shared logs", () => engineSuite("reference"));
if (logs)
  describeWithService("ClickHouse", clickhouse, "ClickHouse engine on the shared logs", () =>
    engineSuite("clickhouse"),
  );

describe.skipIf(!logs)("CSV and XES copies", () => {
  it.each(["running-example", "roadtraffic100traces"])(
    "%s gives identical stats and variants",
    async (name) => {
      const csv = new ReferenceEngine();
      const xes = new ReferenceEngine();
      await csv.load({ file: join(EVENTLOGS_DIR, `${name}.csv`) });
      await xes.load({ file: join(EVENTLOGS_DIR, `${name}.xes`) });
      expect(await xes.stats()).toEqual(await csv.stats());
      expect(await xes.variants({ top: 100 })).toEqual(await csv.variants({ top: 100 }));
    },
  );
});
