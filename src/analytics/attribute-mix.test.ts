import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnalyticsEngine } from "./engine.ts";
import { ReferenceEngine } from "./reference/reference-engine.ts";
import { openEngine } from "./registry.ts";
import { describeEngine, ENGINES_UNDER_TEST } from "./testing/engines.ts";

/**
 * `stageAttributeMix`: the oracle on a hand-made log with hand-counted figures, and every other
 * engine answering like the oracle on that log and on a seeded random one.
 */
const dir = mkdtempSync(join(tmpdir(), "wayline-mix-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// c1 visits "browse" on Web twice (counted once) and pays by Phone; c2 browses on App; c3 has no
// channel on its browse; c4 has only "pay" with Web; "help" is in no stage.
const HAND = `case,activity,timestamp,channel,note
c1,browse,2024-01-01T10:00:00Z,Web,a
c1,browse,2024-01-01T10:01:00Z,Web,
c1,cart,2024-01-01T10:02:00Z,App,
c1,pay,2024-01-01T10:03:00Z,Phone,
c2,browse,2024-01-01T11:00:00Z,App,
c2,cart,2024-01-01T11:01:00Z,App,
c3,browse,2024-01-01T12:00:00Z,,
c3,help,2024-01-01T12:01:00Z,Chat,
c4,pay,2024-01-01T13:00:00Z,Web,
`;
const handFile = join(dir, "hand.csv");
writeFileSync(handFile, HAND);

const STAGES = [
  { key: "Explore", activities: ["browse", "cart"] },
  { key: "Buy", activities: ["pay"] },
];

function randomLog(seed: number): string {
  let s = seed;
  const rnd = () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
  const acts = ["a", "b", "c", "d", "e"];
  const channels = ["Web", "App", "Email", "Phone", ""];
  const lines = ["case,activity,timestamp,channel"];
  for (let c = 0; c < 60; c++) {
    const n = 1 + Math.floor(rnd() * 6);
    for (let i = 0; i < n; i++) {
      const a = acts[Math.floor(rnd() * acts.length)];
      const ch = channels[Math.floor(rnd() * channels.length)];
      lines.push(`k${c},${a},${new Date(Date.UTC(2024, 0, 1, 0, c, i)).toISOString()},${ch}`);
    }
  }
  return `${lines.join("\n")}\n`;
}
const randomFile = join(dir, "random.csv");
writeFileSync(randomFile, randomLog(7));
const ZENDESK = join(import.meta.dirname, "import/samples/zendesk-tickets.csv");
const ZENDESK_STAGES = [
  { key: "open", activities: ["Ticket created", "Ticket assigned"] },
  { key: "done", activities: ["Ticket solved"] },
];
const RANDOM_STAGES = [
  { key: "s1", activities: ["a", "b"] },
  { key: "s2", activities: ["c"] },
  { key: "s3", activities: ["d", "e"] },
];

describe("stageAttributeMix on the reference engine", () => {
  let engine: ReferenceEngine;
  beforeAll(async () => {
    engine = new ReferenceEngine();
    await engine.load({ file: handFile });
  });
  afterAll(() => engine.close());

  it("counts distinct cases per stage and per value, the first carried candidate read", async () => {
    const r = await engine.stageAttributeMix({ attributes: ["medium", "channel"], stages: STAGES });
    expect(r).toEqual({
      attribute: "channel",
      stages: [
        {
          key: "Explore",
          cases: 3,
          values: [
            { value: "App", cases: 2 },
            { value: "Web", cases: 1 },
          ],
        },
        {
          key: "Buy",
          cases: 2,
          values: [
            { value: "Phone", cases: 1 },
            { value: "Web", cases: 1 },
          ],
        },
      ],
    });
  });

  it("keeps the top values and answers null when no candidate is carried", async () => {
    const top = await engine.stageAttributeMix({ attributes: ["channel"], stages: STAGES, top: 1 });
    expect(top.stages.map((s) => s.values)).toEqual([
      [{ value: "App", cases: 2 }],
      [{ value: "Phone", cases: 1 }],
    ]);
    const none = await engine.stageAttributeMix({ attributes: ["medium"], stages: STAGES });
    expect(none.attribute).toBeNull();
    expect(none.stages.map((s) => [s.cases, s.values])).toEqual([
      [3, []],
      [2, []],
    ]);
  });

  it("lists per case its first mapped event carrying the attribute, with stage and event position", async () => {
    const r = await engine.stageAttributeCases({ attribute: "channel", stages: STAGES });
    // c3's browse has no channel and help is in no stage: c3 is not listed.
    expect(r).toEqual({
      cases: [
        { caseId: "c1", key: "Explore", value: "Web", event: 1 },
        { caseId: "c2", key: "Explore", value: "App", event: 5 },
        { caseId: "c4", key: "Buy", value: "Web", event: 9 },
      ],
      truncated: false,
    });
    const one = await engine.stageAttributeCases({ attribute: "note", stages: STAGES, limit: 1 });
    expect(one).toEqual({
      cases: [{ caseId: "c1", key: "Explore", value: "a", event: 1 }],
      truncated: false,
    });
    const cut = await engine.stageAttributeCases({ attribute: "channel", stages: STAGES, limit: 2 });
    expect([cut.cases.length, cut.truncated]).toEqual([2, true]);
  });

  it("refuses an activity in two stages, naming it", async () => {
    await expect(
      engine.stageAttributeMix({
        attributes: ["channel"],
        stages: [
          { key: "x", activities: ["pay"] },
          { key: "y", activities: ["pay"] },
        ],
      }),
    ).rejects.toThrow(/invalid stage durations query|activity/);
  });
});

for (const name of ENGINES_UNDER_TEST) {
  describeEngine(
    name,
    `stageAttributeMix and stageAttributeCases on ${name} answer like the reference`,
    () => {
      let engine: AnalyticsEngine;
      let oracle: ReferenceEngine;
      afterAll(async () => {
        await engine?.close();
        await oracle?.close();
      });
      it.each([
        ["hand-made log", handFile, STAGES],
        ["seeded random log", randomFile, RANDOM_STAGES],
        ["Zendesk sample (3 events per row)", ZENDESK, ZENDESK_STAGES],
      ])("%s", async (_label, file, stages) => {
        await engine?.close();
        await oracle?.close();
        engine = await openEngine(name);
        oracle = new ReferenceEngine();
        await engine.load({ file });
        await oracle.load({ file });
        for (const q of [
          { attributes: ["medium", "channel"], stages },
          { attributes: ["via", "channel"], stages },
          { attributes: ["channel"], stages, top: 2 },
          { attributes: ["nothing"], stages },
        ])
          expect(await engine.stageAttributeMix(q), JSON.stringify(q)).toEqual(
            await oracle.stageAttributeMix(q),
          );
        for (const q of [
          { attribute: "channel", stages },
          { attribute: "text", stages },
          { attribute: "channel", stages, limit: 5 },
          { attribute: "nothing", stages },
        ])
          expect(await engine.stageAttributeCases(q), JSON.stringify(q)).toEqual(
            await oracle.stageAttributeCases(q),
          );
      });
    },
  );
}
