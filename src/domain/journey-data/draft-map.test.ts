import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ReferenceEngine } from "../../analytics/reference/reference-engine.ts";
import { describeWithSharedLogs, EVENTLOGS_DIR } from "../../analytics/testing/shared-logs.ts";
import { designedVsActual } from "./designed-vs-actual.ts";
import {
  buildMap,
  channelOfValue,
  type DraftInput,
  draftMap,
  draftStages,
  proposeStages,
  touchpointQuery,
} from "./draft-map.ts";
import type { Variant } from "./log-results.ts";
import { activityMatcher } from "./match.ts";

const today = "2026-12-01";

async function inputOf(file: string): Promise<DraftInput> {
  const engine = new ReferenceEngine();
  await engine.load({ file: join(EVENTLOGS_DIR, file) });
  const [stats, variants, dfg] = [
    await engine.stats(),
    await engine.variants({ top: 100_000 }),
    await engine.dfg(),
  ];
  await engine.close();
  return { logId: "log-1", logName: file, stats, variants, dfg };
}

const v = (activities: string[], count: number): Variant => ({ activities, count, share: 0 });

describe("proposeStages", () => {
  it("orders activities by the dominant variants and cuts at the largest gaps", () => {
    const variants = [v(["a", "b", "c", "d"], 8), v(["a", "c", "b", "d"], 1), v(["a", "x", "d"], 1)];
    const p = proposeStages(["d", "c", "b", "a", "x"], variants, 10, [], { maxStages: 10 });
    expect(p.dominantVariants).toBe(1);
    // x is in no dominant variant: placed from every variant (middle of a, x, d).
    expect(p.stages.map((s) => s.activities)).toEqual([["a"], ["b"], ["x"], ["c"], ["d"]]);
    const two = proposeStages(["a", "b", "c", "d"], [v(["a", "b", "c", "d"], 1)], 1, [], { maxStages: 2 });
    expect(two.stages).toHaveLength(2);
  });

  it("never cuts where cases go back when an uncrossed cut exists", () => {
    // b and c occur in either order: a cut between them would put cases out of order.
    const variants = [v(["a", "b", "c", "d"], 5), v(["a", "c", "b", "d"], 4)];
    const p = proposeStages(["a", "b", "c", "d"], variants, 9, [], { maxStages: 3 });
    expect(p.stages.map((s) => s.activities)).toEqual([["a"], ["b", "c"], ["d"]]);
  });

  it("places an activity of no variant read after its DFG predecessors", () => {
    const p = proposeStages(["a", "b", "z"], [v(["a", "b"], 5)], 6, [
      { from: "a", to: "z", count: 1, meanMs: 0, medianMs: 0 },
    ]);
    expect(p.stages.map((s) => s.activities)).toEqual([["a"], ["z"], ["b"]]);
  });
});

describeWithSharedLogs("draftMap on the shared logs", () => {
  const inputs = new Map<string, DraftInput>();
  const files = ["running-example.csv", "receipt.csv", "roadtraffic100traces.csv"];
  // running-example: 2 of its 6 cases loop back through "reinitiate request" (rework is real).
  const minInOrder: Record<string, number> = {
    "running-example.csv": 4 / 6,
    "receipt.csv": 0.95,
    "roadtraffic100traces.csv": 0.95,
  };
  beforeAll(async () => {
    for (const f of files) inputs.set(f, await inputOf(f));
  }, 120_000);

  it.each(files)("%s: ≤ 10 stages, every activity mapped by a rule, high in-order share", (file) => {
    const input = inputs.get(file) as DraftInput;
    const draft = draftMap(input, { today });
    const map = buildMap(draft.title, draft.commands, `${today}T00:00:00.000Z`);
    expect(map.stages.length).toBeGreaterThan(1);
    expect(map.stages.length).toBeLessThanOrEqual(10);
    const match = activityMatcher(map.activityRules);
    const all = new Set(input.variants.variants.flatMap((x) => x.activities));
    expect(all.size).toBe(input.stats.activities);
    for (const a of all) expect(match(a), a).not.toBeNull();
    const fit = designedVsActual(map, input.variants.variants);
    expect(fit.hiddenActivities).toEqual([]);
    expect(fit.inOrderShare, file).toBeGreaterThanOrEqual(minInOrder[file] as number);
    expect(map.stages.length).toBeGreaterThanOrEqual(5);
    expect(draft.fit.inOrderShare).toBe(fit.inOrderShare);
    // Every card is observed and cites the log.
    expect(map.cards.length).toBeGreaterThan(0);
    for (const c of map.cards) {
      expect(c.confidence).toBe("observed");
      expect(c.evidence[0]?.title).toBe(`event log: ${file}`);
    }
    // KPI lane from data: cases reaching each stage.
    const kpis = map.cards.filter((c) => c.fields.kind === "kpi" && c.fields.name === "Cases reaching");
    expect(kpis.map((c) => (c.fields.kind === "kpi" ? c.fields.value : null))).toEqual(
      fit.stages.map((s) => s.reached),
    );
  });

  it("names pain points with their figures where cases stop and where waiting is longest", () => {
    const input = inputs.get("roadtraffic100traces.csv") as DraftInput;
    const draft = draftMap(input, { today });
    const drop = draft.pains.find((p) => p.kind === "drop_off");
    const worst = [...draft.fit.stages]
      .filter((s) => s.leftHere > 0)
      .sort((a, b) => b.leftHere - a.leftHere)[0];
    expect(drop?.stageId).toBe(worst?.stageId);
    expect(drop?.text).toContain(`${worst?.leftHere} of ${worst?.reached} cases`);
    expect(drop?.reach).toBeCloseTo((worst?.leftHere ?? 0) / input.stats.cases, 10);
    expect(draft.pains.some((p) => p.kind === "waiting" && /median \d/.test(p.text))).toBe(true);
  });

  it("receipt: touchpoints from its case:channel attribute, shares of each stage's cases", async () => {
    const engine = new ReferenceEngine();
    await engine.load({ file: join(EVENTLOGS_DIR, "receipt.csv") });
    const input = inputs.get("receipt.csv") as DraftInput;
    const { stages } = draftStages(input, {});
    const channels = await engine.stageAttributeMix(touchpointQuery(stages));
    await engine.close();
    const draft = draftMap({ ...input, channels }, { today });
    expect(draft.touchpoints.attribute).toBe("case:channel");
    const first = channels.stages[0];
    const top = first?.values[0];
    expect(draft.touchpoints.cards[0]).toMatchObject({
      stageId: stages[0]?.id,
      value: top?.value,
      share: (top?.cases ?? 0) / (first?.cases ?? 1),
    });
    const map = buildMap(draft.title, draft.commands, `${today}T00:00:00.000Z`);
    const lane = map.lanes.find((l) => l.type === "touchpoints");
    const cards = map.cards.filter((c) => c.laneId === lane?.id);
    expect(cards.length).toBe(draft.touchpoints.cards.length);
    for (const st of map.stages)
      expect(cards.filter((c) => c.stageId === st.id).length).toBeLessThanOrEqual(3);
  });

  it("is deterministic and applies the reviewer's stage names and title", () => {
    const input = inputs.get("running-example.csv") as DraftInput;
    const a = draftMap(input, { today });
    expect(draftMap(input, { today })).toEqual(a);
    const first = a.stages[0]?.id as string;
    const b = draftMap(input, { today, title: "Claims", stageNames: { [first]: "Intake" } });
    expect(b.title).toBe("Claims");
    expect(b.stages[0]?.name).toBe("Intake");
    expect(b.stages.slice(1)).toEqual(a.stages.slice(1));
  });
});

describe("draftMap touchpoints from a channel column", () => {
  const dir = mkdtempSync(join(tmpdir(), "wayline-draft-tp-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // 4 cases: visit (Web ×3, App ×1), order (Web, Phone, Phone; one case none), help (Chat, on one
  // case also Email: it counts for both).
  const rows = [
    ["1", "visit", "Web"],
    ["1", "order", "Web"],
    ["1", "help", "Chat"],
    ["1", "help", "Email"],
    ["2", "visit", "Web"],
    ["2", "order", "Phone"],
    ["2", "help", "Chat"],
    ["3", "visit", "App"],
    ["3", "order", "Phone"],
    ["4", "visit", "Web"],
    ["4", "order", ""],
  ];
  const csv = (header: string, cells: (r: string[]) => string) =>
    `case,activity,timestamp${header}\n${rows
      .map((r, i) => `${r[0]},${r[1]},2024-01-0${r[0]}T10:${String(i).padStart(2, "0")}:00Z${cells(r)}`)
      .join("\n")}\n`;
  const withChannel = join(dir, "with.csv");
  const without = join(dir, "without.csv");
  writeFileSync(
    withChannel,
    csv(",medium", (r) => `,${r[2]}`),
  );
  writeFileSync(
    without,
    csv(",note", () => ",x"),
  );

  async function draftOf(file: string, attribute?: string) {
    const engine = new ReferenceEngine();
    await engine.load({ file });
    const input = { ...(await inputOfEngine(engine)), logName: "shop.csv" };
    const { stages } = draftStages(input, { maxStages: 3 });
    const channels = await engine.stageAttributeMix(touchpointQuery(stages, attribute));
    await engine.close();
    return draftMap({ ...input, channels }, { today, maxStages: 3 });
  }

  it("adds a touchpoints lane: top channels per stage with their share of the stage's cases", async () => {
    const draft = await draftOf(withChannel);
    expect(draft.stages.map((s) => s.activities)).toEqual([["visit"], ["order"], ["help"]]);
    expect(draft.touchpoints.attribute).toBe("medium");
    const map = buildMap(draft.title, draft.commands, `${today}T00:00:00.000Z`);
    const lane = map.lanes.find((l) => l.type === "touchpoints");
    expect(lane?.name).toBe("Touchpoints from “medium”");
    const cards = map.cards.filter((c) => c.laneId === lane?.id);
    const byStage = (i: number) =>
      cards
        .filter((c) => c.stageId === draft.stages[i]?.id)
        .map((c) => [c.text, c.fields.kind === "touchpoint" ? c.fields.channel : "?"]);
    expect(byStage(0)).toEqual([
      ["Web — 75 % of cases", "web"],
      ["App — 25 % of cases", "mobile_app"],
    ]);
    expect(byStage(1)).toEqual([
      ["Phone — 50 % of cases", "phone"],
      ["Web — 25 % of cases", "web"],
    ]);
    expect(byStage(2)).toEqual([
      ["Chat — 100 % of cases", "chat"],
      ["Email — 50 % of cases", "email"],
    ]);
    for (const c of cards) {
      expect(c.confidence).toBe("observed");
      expect(c.evidence[0]?.title).toBe("event log: shop.csv");
      expect(c.evidence[0]?.kind).toBe("analytics");
    }
    expect(cards[0]?.evidence[0]?.note).toBe("medium “Web” at 3 of 4 cases of the stage (log log-1)");
  });

  it("drafts no touchpoints lane without a channel column, nor for a named attribute the log lacks", async () => {
    for (const [file, attr] of [
      [without, undefined],
      [withChannel, "browser"],
    ] as const) {
      const draft = await draftOf(file, attr);
      expect(draft.touchpoints).toEqual({ attribute: null, cards: [] });
      const map = buildMap(draft.title, draft.commands, `${today}T00:00:00.000Z`);
      expect(map.lanes.some((l) => l.type === "touchpoints")).toBe(false);
      expect(map.stages).toHaveLength(3);
    }
  });

  it("reads a named attribute and maps values to known channels only", async () => {
    const draft = await draftOf(withChannel, "medium");
    expect(draft.touchpoints.cards).toHaveLength(6);
    expect(["Web Widget", "E-mail", "Mobile app", "Chat", "iOS"].map(channelOfValue)).toEqual([
      "web",
      "email",
      "mobile_app",
      "chat",
      "mobile_app",
    ]);
    expect(channelOfValue("Partner portal 7")).toBeNull();
  });
});

async function inputOfEngine(engine: ReferenceEngine): Promise<DraftInput> {
  const [stats, variants, dfg] = [
    await engine.stats(),
    await engine.variants({ top: 100_000 }),
    await engine.dfg(),
  ];
  return { logId: "log-1", logName: "x", stats, variants, dfg };
}
