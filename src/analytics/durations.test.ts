import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { WaylineError } from "../domain/errors.ts";
import { readAllEvents } from "./import/read-log.ts";
import type { LogEvent } from "./model.ts";
import { ReferenceEngine } from "./reference/reference-engine.ts";
import { ORACLE_ENGINE, openEngine } from "./registry.ts";
import { expectSameAnswer } from "./testing/approx.ts";
import { describeEngine, ENGINES_UNDER_TEST } from "./testing/engines.ts";

const H = 3_600_000;
const T0 = Date.UTC(2026, 0, 5, 9);
const ev = (caseId: string, activity: string, hours: number, seq: number, d?: string): LogEvent => ({
  caseId,
  activity,
  timestamp: T0 + hours * H,
  seq,
  attrs: d === undefined ? {} : { "wayline:duration_ms": d },
});

/**
 * Case a: Apply(0h) Call(1h, in no stage) Review(3h) Apply(4h) Decide(6h) — Apply's first visit
 * ends at Review (3h), Review's at Apply (1h), Decide is the last stage event (0h).
 * Case b: Review(2h) Review(7h) — never leaves Review: 5h, to its last Review.
 * Case c: Call only — reaches no stage.
 */
const LOG: LogEvent[] = [
  ev("a", "Apply", 0, 0, "600000"),
  ev("a", "Call", 1, 1, "abc"),
  ev("b", "Review", 2, 2, "1800000"),
  ev("a", "Review", 3, 3, "-5"),
  ev("a", "Apply", 4, 4, "1200000"),
  ev("a", "Decide", 6, 5),
  ev("b", "Review", 7, 6, "3600000"),
  ev("c", "Call", 5, 7, "1e3"),
];
const STAGES = {
  stages: [
    { key: "apply", activities: ["Apply"] },
    { key: "review", activities: ["Review"] },
    { key: "decide", activities: ["Decide", "Approve"] },
    { key: "none", activities: ["Never"] },
  ],
};

describe("reference engine durations (hand-computed)", () => {
  it("summarises each activity's valid durations; other values count as absent", async () => {
    const e = new ReferenceEngine();
    await e.load({ events: LOG });
    const r = await e.activityDurations();
    expect([r.events, r.measured]).toEqual([8, 4]);
    expect(r.activities.map((a) => [a.activity, a.events, a.measured])).toEqual([
      ["Apply", 2, 2],
      ["Call", 2, 0],
      ["Decide", 1, 0],
      ["Review", 3, 2],
    ]);
    expect(r.activities[0]?.duration).toEqual({
      medianMs: 900_000,
      meanMs: 900_000,
      p90Ms: 600_000 + 0.9 * 600_000,
      minMs: 600_000,
      maxMs: 1_200_000,
    });
    expect(r.activities[1]?.duration).toEqual({ medianMs: 0, meanMs: 0, p90Ms: 0, minMs: 0, maxMs: 0 });
  });

  it("measures time in stage from the first stage event to the next other-stage event", async () => {
    const e = new ReferenceEngine();
    await e.load({ events: LOG });
    const r = await e.stageDurations(STAGES);
    expect(r.stages.map((s) => [s.key, s.cases, s.duration.minMs, s.duration.maxMs])).toEqual([
      ["apply", 1, 3 * H, 3 * H],
      ["review", 2, 1 * H, 5 * H],
      ["decide", 1, 0, 0],
      ["none", 0, 0, 0],
    ]);
    expect(r.stages[1]?.duration.medianMs).toBe(3 * H);
    expect(r.stages[1]?.duration.p90Ms).toBe(1 * H + 0.9 * 4 * H);
  });

  it.each([
    [{ stages: [] }, "stages"],
    [{ stages: [{ key: "x", activities: [] }] }, "stages[0].activities"],
    [
      {
        stages: [
          { key: "x", activities: ["A"] },
          { key: "x", activities: ["B"] },
        ],
      },
      "stages[1].key",
    ],
    [
      {
        stages: [
          { key: "x", activities: ["A"] },
          { key: "y", activities: ["B", "A"] },
        ],
      },
      "stages[1].activities[1]",
    ],
  ])("rejects %j naming %s", async (query, path) => {
    const e = new ReferenceEngine();
    const err = await e.stageDurations(query).catch((x: unknown) => x);
    expect(err).toBeInstanceOf(WaylineError);
    expect((err as WaylineError).code).toBe("invalid_request");
    expect(JSON.stringify((err as WaylineError).details)).toContain(path);
  });
});

describe("interval logs (Start Timestamp + Complete Timestamp)", () => {
  const dir = mkdtempSync(join(tmpdir(), "wayline-interval-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, "interval.csv");
  writeFileSync(
    file,
    "Case ID,Activity,Start Timestamp,Complete Timestamp\n" +
      "1,Register,2014/10/22 11:10:00.000,2014/10/22 11:15:41.000\n" +
      "1,Analyze,2014/10/22 11:20:00.000,2014/10/22 12:05:07.250\n" +
      "1,Close,,2014/10/23 08:30:00.000\n" +
      "2,Register,2014/10/22 09:00:00.000,2014/10/22 09:30:00.000\n" +
      "2,Analyze,2014/10/22 09:40:00.000,2014/10/22 10:00:00.000\n" +
      "2,Close,2014/10/22 09:10:00.000,2014/10/24 10:00:00.000\n",
  );

  it("gives each row with a start its duration and start instant, at the completion time", async () => {
    const { events, report } = await readAllEvents(file);
    expect(report.errors).toEqual([]);
    expect(events[1]?.timestamp).toBe(Date.UTC(2014, 9, 22, 12, 5, 7, 250));
    expect(events[1]?.attrs).toEqual({
      "Start Timestamp": "2014/10/22 11:20:00.000",
      "wayline:duration_ms": String(45 * 60_000 + 7250),
      "wayline:start": "2014-10-22T11:20:00.000Z",
    });
    // An empty start: an event without a duration.
    expect(events[2]?.attrs).toEqual({});
    // Layouts count the completion column only.
    expect(Object.values(report.timestamps?.layouts ?? {}).reduce((s, n) => s + n, 0)).toBe(6);
  });

  it("rejects a row whose start is not a timestamp or comes after its completion, naming the column", async () => {
    const bad = join(dir, "bad.csv");
    writeFileSync(
      bad,
      "case,activity,start_timestamp,end_timestamp\n1,A,2024-01-01 10:00,2024-01-01 11:00\n" +
        "1,B,soon,2024-01-01 12:00\n1,C,2024-01-01 13:00,2024-01-01 12:30\n",
    );
    const { events, report } = await readAllEvents(bad);
    expect(events.map((e) => e.activity)).toEqual(["A"]);
    expect(report.errors).toEqual([
      { line: 3, column: "start_timestamp", reason: expect.stringContaining('"soon" is not a timestamp') },
      { line: 4, column: "start_timestamp", reason: expect.stringContaining("after its completion") },
    ]);
  });

  it("is no interval log when the timestamp column is not a completion", async () => {
    const plain = join(dir, "plain.csv");
    writeFileSync(plain, "case,activity,timestamp,start_time\n1,A,2024-01-01 10:00,later\n");
    const { events, report } = await readAllEvents(plain);
    expect(report.errors).toEqual([]);
    expect(events[0]?.attrs).toEqual({ start_time: "later" });
  });

  for (const name of ENGINES_UNDER_TEST)
    describeEngine(name, `${name} engine durations`, () => {
      it("answers activity and stage durations like the oracle (file and events)", async () => {
        const engine = await openEngine(name);
        const oracle = await openEngine(ORACLE_ENGINE);
        try {
          await engine.load({ file });
          await oracle.load({ file });
          const measured = await engine.activityDurations();
          expect(measured.measured).toBe(5);
          expectSameAnswer(measured, await oracle.activityDurations());
          const q = {
            stages: [
              { key: "in", activities: ["Register"] },
              { key: "work", activities: ["Analyze", "Close"] },
            ],
          };
          expectSameAnswer(await engine.stageDurations(q), await oracle.stageDurations(q));
          await engine.load({ events: LOG });
          await oracle.load({ events: LOG });
          expectSameAnswer(await engine.activityDurations(), await oracle.activityDurations());
          expectSameAnswer(await engine.stageDurations(STAGES), await oracle.stageDurations(STAGES));
        } finally {
          await engine.drop();
          await engine.close();
          await oracle.close();
        }
      });
    });
});
