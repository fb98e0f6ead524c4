import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnalyticsEngine } from "./engine.ts";
import { readAllEvents } from "./import/read-log.ts";
import { ReferenceEngine } from "./reference/reference-engine.ts";
import { type EngineName, ORACLE_ENGINE, openEngine } from "./registry.ts";
import { expectSameAnswer } from "./testing/approx.ts";
import { describeEngine, ENGINES_UNDER_TEST } from "./testing/engines.ts";
import {
  describeWithSharedLogs,
  EVENTLOGS_DIR,
  REFERENCE_FIGURES,
  sharedLogsPresent,
} from "./testing/shared-logs.ts";

/**
 * Every engine reproduces the published figures of the shared logs; every engine but the oracle
 * also answers each question exactly as the oracle does (the oracle itself is checked against
 * hand-computed figures in reference/reference-engine.test.ts).
 */
function engineSuite(name: EngineName): void {
  for (const fig of REFERENCE_FIGURES) {
    describe(fig.file, () => {
      let engine: AnalyticsEngine;
      let oracle: AnalyticsEngine;
      const file = join(EVENTLOGS_DIR, fig.file);
      beforeAll(async () => {
        engine = await openEngine(name);
        await engine.load({ file });
        if (name !== ORACLE_ENGINE) {
          oracle = await openEngine(ORACLE_ENGINE);
          await oracle.load({ file });
        }
      });
      afterAll(async () => {
        await engine?.close();
        await oracle?.close();
      });

      it("reproduces the reference figures", async () => {
        const s = await engine.stats();
        expect([s.events, s.cases, s.activities, s.variants]).toEqual([
          fig.events,
          fig.cases,
          fig.activities,
          fig.variants,
        ]);
      });

      if (name === ORACLE_ENGINE) return;

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

describeWithSharedLogs("the engines on the shared logs", () => {
  // The oracle first (its figures only), then every engine compared with it.
  for (const name of [ORACLE_ENGINE, ...ENGINES_UNDER_TEST])
    describeEngine(name, `${name} engine on the shared logs`, () => engineSuite(name));
});

describeWithSharedLogs("CSV and XES copies", () => {
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

/**
 * A process-mining export as tools write it (BPI-style interval log): `Case ID`, `Start Timestamp`
 * and `Complete Timestamp` columns, `YYYY/MM/DD HH:MM:SS.fff` times. Every engine reads it like the
 * JS importer (an interval log streams through it, for the durations) and answers like the oracle.
 */
describe("a slash-dated interval log (Complete Timestamp)", () => {
  const dir = mkdtempSync(join(tmpdir(), "wayline-slash-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, "bpi-export.csv");
  writeFileSync(
    file,
    "Case ID,Activity,Start Timestamp,Complete Timestamp\n" +
      "1,Register,2014/10/22 11:10:00.000,2014/10/22 11:15:41.000\n" +
      "1,Analyze,2014/10/22 11:20:00.000,2014/10/22 12:05:07.250\n" +
      "1,Close,2014/10/23 08:00:00.000,2014/10/23 08:30:00.000\n" +
      "2,Register,2014/10/22 09:00:00.000,2014/10/22 09:30:00.000\n" +
      // Started before Register completed: order by completion puts Close last.
      "2,Close,2014/10/22 09:10:00.000,2014/10/24 10:00:00.000\n" +
      "2,Analyze,2014/10/22 09:40:00.000,2014/10/22 10:00:00.000\n",
  );

  it("is read by the JS importer on the Complete Timestamp column", async () => {
    const { events, report } = await readAllEvents(file);
    expect(report.errors).toEqual([]);
    expect(report.mapping).toEqual({
      case: "Case ID",
      activity: "Activity",
      timestamp: "Complete Timestamp",
    });
    expect(events[0]?.timestamp).toBe(Date.UTC(2014, 9, 22, 11, 15, 41));
    expect(events[1]?.timestamp).toBe(Date.UTC(2014, 9, 22, 12, 5, 7, 250));
    // An interval log: the start stays as read, and gives the event its duration (import/interval.ts).
    expect(events[1]?.attrs).toEqual({
      "Start Timestamp": "2014/10/22 11:20:00.000",
      "wayline:duration_ms": String(45 * 60_000 + 7250),
      "wayline:start": "2014-10-22T11:20:00.000Z",
    });
  });

  it("gives the oracle two cases, one variant Register > Analyze > Close", async () => {
    const oracle = await openEngine(ORACLE_ENGINE);
    await oracle.load({ file });
    expect(await oracle.stats()).toMatchObject({ events: 6, cases: 2, activities: 3, variants: 1 });
    const v = await oracle.variants({ top: 5 });
    expect(v.variants.map((x) => x.activities.join(">"))).toEqual(["Register>Analyze>Close"]);
    await oracle.close();
  });

  for (const name of ENGINES_UNDER_TEST)
    describeEngine(name, `${name} engine`, () => {
      it("loads it without errors and answers like the oracle", async () => {
        const engine = await openEngine(name);
        const oracle = await openEngine(ORACLE_ENGINE);
        try {
          const report = await engine.load({ file });
          await oracle.load({ file });
          expect([report.rows, report.events, report.errors]).toEqual([6, 6, []]);
          expectSameAnswer(await engine.stats(), await oracle.stats());
          expectSameAnswer(await engine.variants({ top: 5 }), await oracle.variants({ top: 5 }));
          expectSameAnswer(await engine.dfg(), await oracle.dfg());
        } finally {
          await engine.drop();
          await engine.close();
          await oracle.close();
        }
      });
    });
});

/**
 * Logs as other tools write them: day-first dotted dates read in a named zone, US dates with a
 * 12-hour clock decided from the data, and the lifecycle options on reviewing.xes. Every engine
 * reads them with the same options and answers like the oracle.
 */
describe("timestamp layouts and lifecycle options in every engine", () => {
  const dir = mkdtempSync(join(tmpdir(), "wayline-layouts-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const dotted = join(dir, "dotted.csv");
  writeFileSync(
    dotted,
    "Ticket,Step,Zeit\n1,Eingang,22.10.2014 11:15\n1,Prüfung,22.10.2014 13:05:07\n1,Antwort,23.10.2014 08:30\n" +
      "2,Eingang,26.10.2014 01:30\n2,Antwort,26.10.2014 03:30\n",
  );
  const us = join(dir, "us.csv");
  writeFileSync(
    us,
    "case_id,event,time\na,Open,10/3/2024 9:00 AM\na,Pay,10/3/2024 1:15 PM\nb,Open,10/13/2024 11:00 PM\nb,Pay,10/14/2024 12:05 AM\n",
  );
  const cases: [string, string, Record<string, string>][] = [
    [
      "dotted dates in Europe/Berlin (DST ends on 26 Oct)",
      dotted,
      { timezone: "Europe/Berlin", case: "Ticket", activity: "Step", timestamp: "Zeit" },
    ],
    ["US dates with AM/PM", us, {}],
    ...(sharedLogsPresent
      ? ([
          [
            "reviewing.xes, completions only",
            join(EVENTLOGS_DIR, "reviewing.xes"),
            { lifecycle: "complete" },
          ],
          [
            "reviewing.xes, start+complete merged",
            join(EVENTLOGS_DIR, "reviewing.xes"),
            { lifecycle: "merge" },
          ],
        ] as [string, string, Record<string, string>][])
      : []),
  ];
  for (const name of ENGINES_UNDER_TEST)
    describeEngine(name, `${name} engine`, () => {
      for (const [label, file, options] of cases)
        it(`reads ${label} like the oracle`, async () => {
          const engine = await openEngine(name);
          const oracle = await openEngine(ORACLE_ENGINE);
          try {
            const report = await engine.load({ file, options });
            const expected = await oracle.load({ file, options });
            expect(report.errors).toEqual([]);
            expect(report.events).toBe(expected.events);
            expectSameAnswer(await engine.stats(), await oracle.stats());
            expectSameAnswer(await engine.variants({ top: 10 }), await oracle.variants({ top: 10 }));
            expectSameAnswer(await engine.dfg(), await oracle.dfg());
          } finally {
            await engine.drop();
            await engine.close();
            await oracle.close();
          }
        });
    });

  it("the oracle gives the figures by hand: case 2 takes 3 h across the DST change, US times 4 h 15 / 1 h 5", async () => {
    const oracle = await openEngine(ORACLE_ENGINE);
    try {
      await oracle.load({
        file: dotted,
        options: { timezone: "Europe/Berlin", case: "Ticket", activity: "Step", timestamp: "Zeit" },
      });
      const d = await oracle.dfg();
      // 01:30 CEST (+02) → 03:30 CET (+01): three hours, not two.
      expect(d.find((e) => e.from === "Eingang" && e.to === "Antwort")?.medianMs).toBe(3 * 3_600_000);
      await oracle.load({ file: us });
      const pay = (await oracle.dfg()).find((e) => e.from === "Open" && e.to === "Pay");
      expect(pay?.count).toBe(2);
      expect(pay?.meanMs).toBe((4.25 * 3_600_000 + 65 * 60_000) / 2);
    } finally {
      await oracle.close();
    }
  });
});
