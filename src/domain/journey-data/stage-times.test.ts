import { describe, expect, it } from "vitest";
import { slaStatus, stageGroups, stageTimes } from "./stage-times.ts";

const d = (p90Ms: number) => ({ medianMs: p90Ms / 2, meanMs: p90Ms / 2, p90Ms, minMs: 0, maxMs: p90Ms });
const rule = (id: string, pattern: string, stageId: string, match: "exact" | "wildcard" = "exact") => ({
  id,
  match,
  pattern,
  ignoreCase: false,
  stageId,
  touchpointId: null,
});

describe("slaStatus", () => {
  it("is breached only when p90 is above the target, met at or below it", () => {
    expect(slaStatus({ targetMs: 100 }, 3, d(101))).toBe("breached");
    expect(slaStatus({ targetMs: 100 }, 3, d(100))).toBe("met");
    expect(slaStatus({ targetMs: 100 }, 3, d(10))).toBe("met");
  });
  it("says no SLA without a target and no data when no case reaches the stage", () => {
    expect(slaStatus(undefined, 3, d(500))).toBe("no_sla");
    expect(slaStatus({ targetMs: 100 }, 0, d(0))).toBe("no_data");
  });
});

describe("stageGroups and stageTimes", () => {
  const map = {
    stages: [
      { id: "a", name: "A", sla: { targetMs: 10 } },
      { id: "b", name: "B" },
      { id: "c", name: "C", sla: { targetMs: 10 } },
    ],
    activityRules: [
      rule("r1", "Call*", "b", "wildcard"),
      rule("r2", "Apply", "a"),
      rule("r3", "Call me", "a"),
    ],
  } as never;
  it("groups the log's activities by the stage the first matching rule gives, in map order", () => {
    expect(stageGroups(map, ["Call me", "Apply", "Call back", "Other"])).toEqual([
      { key: "a", activities: ["Apply"] },
      { key: "b", activities: ["Call me", "Call back"] },
    ]);
  });
  it("lists every stage with its figures and status; unmeasured stages have zeros", () => {
    const r = stageTimes(map, {
      stages: [
        { key: "a", cases: 2, duration: d(20) },
        { key: "b", cases: 1, duration: d(5) },
      ],
    });
    expect(r.map((s) => [s.stageId, s.cases, s.duration.p90Ms, s.status])).toEqual([
      ["a", 2, 20, "breached"],
      ["b", 1, 5, "no_sla"],
      ["c", 0, 0, "no_data"],
    ]);
    expect(r[0]?.sla).toEqual({ targetMs: 10 });
  });
});
