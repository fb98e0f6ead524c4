import { describe, expect, it } from "vitest";
import { buildTemplate } from "../templates/index.ts";
import { pictureOverlay, stageEntryTimes } from "./overlay.ts";

describe("data overlay of pictures", () => {
  const t = buildTemplate("generic-five-stage");
  const [a, b, c] = t.map.stages;
  const map = {
    ...t.map,
    activityRules: [
      {
        id: "r1" as never,
        match: "exact" as const,
        pattern: "visit",
        stageId: a?.id as never,
        touchpointId: null,
        ignoreCase: false,
        order: "a",
      },
      {
        id: "r2" as never,
        match: "exact" as const,
        pattern: "sign up",
        stageId: b?.id as never,
        touchpointId: null,
        ignoreCase: false,
        order: "a",
      },
      {
        id: "r3" as never,
        match: "exact" as const,
        pattern: "confirm",
        stageId: b?.id as never,
        touchpointId: null,
        ignoreCase: false,
        order: "a",
      },
      {
        id: "r4" as never,
        match: "exact" as const,
        pattern: "pay",
        stageId: c?.id as never,
        touchpointId: null,
        ignoreCase: false,
        order: "a",
      },
    ],
  };
  it("median time into a stage: hand-overs from other stages, weighted by count, within-stage moves left out", () => {
    const times = stageEntryTimes(map, [
      { from: "visit", to: "sign up", count: 3, meanMs: 0, medianMs: 1000 },
      { from: "visit", to: "confirm", count: 1, meanMs: 0, medianMs: 9000 },
      { from: "sign up", to: "confirm", count: 50, meanMs: 0, medianMs: 5 },
      { from: "confirm", to: "pay", count: 3, meanMs: 0, medianMs: 60_000 },
      { from: "sign up", to: "pay", count: 1, meanMs: 0, medianMs: 1 },
      { from: "elsewhere", to: "pay", count: 1, meanMs: 0, medianMs: 2 },
    ]);
    expect(times[a?.id as string]).toBeNull();
    expect(times[b?.id as string]).toBe(1000);
    expect(times[c?.id as string]).toBe(60_000);
  });
  it("combines the log's figures and the surveys' emotion per stage, naming both sources", () => {
    const o = pictureOverlay(
      map,
      {
        name: "Web",
        cases: 10,
        stages: [
          { stageId: a?.id as never, stageName: "A", reached: 10, reachShare: 1, conversion: 1, leftHere: 2 },
        ],
        entryMs: {},
      },
      {
        responses: 4,
        stages: [
          {
            stageId: b?.id as never,
            stageName: "B",
            responses: 4,
            csat: null,
            ces: null,
            nps: null,
            sentiment: null,
            emotion: { value: 1, low: 0, high: 2 },
          },
        ],
      },
    );
    expect(o.source).toBe("event log Web (10 cases) · surveys (4 responses)");
    expect(o.stages[a?.id as string]).toMatchObject({ reached: 10, emotion: null });
    expect(o.stages[b?.id as string]).toMatchObject({ reached: null, emotion: { value: 1 } });
  });
});
