import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ReferenceEngine } from "../../analytics/reference/reference-engine.ts";
import { describeWithSharedLogs, EVENTLOGS_DIR } from "../../analytics/testing/shared-logs.ts";
import { designedVsActual } from "./designed-vs-actual.ts";
import { buildMap, type DraftInput, draftMap, proposeStages } from "./draft-map.ts";
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
