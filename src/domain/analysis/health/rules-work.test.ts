import { describe, expect, it } from "vitest";
import type { JourneyMap } from "../../model/journey-map.ts";
import { buildMap, card } from "../test-maps.ts";
import { DEFAULT_HEALTH_CONFIG } from "./config.ts";
import { CTX, healthyMap } from "./healthy-map.ts";
import { futureStateMissing, handoffMissing, inferDepartments, singleDepartment } from "./rules-context.ts";
import { evidenceMissing, reviewCadence, reviewOverdue } from "./rules-evidence.ts";
import { painNoDueDate, painNoOwner, painUnanchored, touchpointNoOwner } from "./rules-ownership.ts";
import type { HealthContext, HealthRule } from "./types.ts";

const run = (rule: HealthRule, map: JourneyMap, ctx: Partial<HealthContext> = {}, config = {}) =>
  rule.check(map, {
    ...CTX,
    ...ctx,
    config: { ...DEFAULT_HEALTH_CONFIG, ...config },
    severity: rule.defaultSeverity,
  });
const update = (id: string, fields: Record<string, unknown>, extra = {}) => ({
  type: "updateCard",
  id,
  fields,
  ...extra,
});
const props = (patch: Record<string, unknown>) => ({ type: "setMapProperties", patch });

describe("ownership rules", () => {
  it("pain-no-owner fires for an open pain point without owner, with its location", () => {
    const fs = run(painNoOwner, healthyMap([update("pain1", { owner: " " })]));
    expect(fs).toMatchObject([{ location: { stageId: "s4", laneId: "l-pain_points", cardId: "pain1" } }]);
    expect(fs[0]?.message).toContain("“Setup is confusing”");
    expect(run(painNoOwner, healthyMap())).toEqual([]);
    expect(run(painNoOwner, healthyMap([update("pain1", { owner: null, status: "done" })]))).toEqual([]);
  });
  it("pain-no-due-date fires for an open pain point without a date", () => {
    expect(run(painNoDueDate, healthyMap([update("pain1", { dueDate: null })]))).toHaveLength(1);
    expect(run(painNoDueDate, healthyMap())).toEqual([]);
  });
  it("touchpoint-no-owner fires per touchpoint without owner team", () => {
    const fs = run(touchpointNoOwner, healthyMap([update("t3", { ownerTeam: null })]));
    expect(fs.map((f) => f.location.cardId)).toEqual(["t3"]);
    expect(run(touchpointNoOwner, healthyMap())).toEqual([]);
  });
  it("pain-unanchored fires for a pain point in a stage or step without touchpoint", () => {
    const cmds = [
      { type: "deleteCard", id: "t4" },
      { type: "addStep", stageId: "s3", id: "st1", name: "Pay" },
      card("pain2", "pain_points", "s3", { stepId: "st1", text: "Card declined" }),
    ];
    expect(run(painUnanchored, healthyMap(cmds)).map((f) => f.location.cardId)).toEqual(["pain2", "pain1"]);
    const anchored = [...cmds.slice(1), card("t3b", "touchpoints", "s3", { stepId: "st1" })];
    expect(run(painUnanchored, healthyMap(anchored))).toEqual([]);
  });
});

describe("evidence and review rules", () => {
  it("evidence-missing fires when every card is assumed and uncited", () => {
    const map = buildMap([card("t1", "touchpoints", "s1"), card("t2", "touchpoints", "s2")], {
      lanes: ["touchpoints"],
    });
    expect(run(evidenceMissing, map)[0]?.message).toBe("All 2 cards are assumed; none cites research.");
    expect(run(evidenceMissing, healthyMap())).toEqual([]);
    expect(run(evidenceMissing, buildMap())).toEqual([]);
  });
  it("review-overdue fires past the cadence, counting from creation when never reviewed", () => {
    expect(run(reviewOverdue, healthyMap(), { today: "2026-08-01" })).toEqual([]);
    expect(run(reviewOverdue, healthyMap(), { today: "2026-08-02" })[0]?.message).toContain("due 2026-08-01");
    expect(run(reviewOverdue, buildMap(), { today: "2026-07-02" })[0]?.message).toContain(
      "created on 2026-01-01",
    );
    expect(run(reviewOverdue, buildMap(), { today: "2026-07-01" })).toEqual([]);
  });
  it("review-overdue: the map's own cadence wins over the workspace's once changed from the default", () => {
    expect(
      run(reviewOverdue, healthyMap(), { today: "2026-05-02" }, { reviewCadenceMonths: 3 }),
    ).toHaveLength(1);
    const yearly = healthyMap([props({ reviewCadenceMonths: 12 })]);
    expect(run(reviewOverdue, yearly, { today: "2026-12-01" }, { reviewCadenceMonths: 3 })).toEqual([]);
    expect(reviewCadence({ reviewCadenceMonths: 6 }, 4)).toBe(4);
    expect(run(reviewOverdue, healthyMap([props({ status: "archived" })]), { today: "2030-01-01" })).toEqual(
      [],
    );
  });
  it("review-overdue flags cards citing research older than researchMaxAgeMonths", () => {
    const fs = run(reviewOverdue, healthyMap(), { today: "2027-01-15" }, { reviewCadenceMonths: 60 });
    expect(fs).toEqual([]);
    const stale = run(reviewOverdue, healthyMap([props({ lastReviewedAt: "2027-01-01" })]), {
      today: "2027-01-16",
    });
    expect(stale).toMatchObject([{ location: { cardId: "pain1" } }]);
    expect(stale[0]?.message).toContain("2026-01-15");
  });
});

describe("context rules", () => {
  it("future-state-missing fires for a current-state map without an existing counterpart", () => {
    expect(run(futureStateMissing, buildMap())).toHaveLength(1);
    expect(run(futureStateMissing, healthyMap(), { counterpartExists: false })[0]?.message).toContain(
      "map-future",
    );
    expect(run(futureStateMissing, healthyMap())).toEqual([]);
    expect(run(futureStateMissing, buildMap([], { kind: "future_state" }))).toEqual([]);
  });
  it("single-department uses given departments, else infers them from owner teams", () => {
    expect(run(singleDepartment, healthyMap(), { departments: ["CX", "cx "] })[0]?.message).toContain(
      "only CX",
    );
    expect(run(singleDepartment, healthyMap(), { departments: [] })[0]?.message).toContain("no department");
    expect(run(singleDepartment, healthyMap(), { departments: ["CX", "IT"] })).toEqual([]);
    expect(inferDepartments(healthyMap())).toEqual(["Marketing", "Support"]);
    expect(run(singleDepartment, healthyMap())).toEqual([]);
    const oneTeam = healthyMap(["t2", "t4"].map((id) => update(id, { ownerTeam: "marketing" })));
    expect(run(singleDepartment, oneTeam)[0]?.message).toContain("only Marketing");
    expect(run(singleDepartment, buildMap())).toEqual([]);
  });
  it("handoff-missing fires for bot touchpoints without hand-off lane or hand-off in their stage", () => {
    const bot = update("t5", { isBot: true, channel: "chat" });
    expect(run(handoffMissing, healthyMap([bot]))).toMatchObject([
      { location: { stageId: "s5", cardId: "t5" } },
    ]);
    const lane = { type: "addLane", id: "l-handoff", laneType: "handoff" };
    expect(run(handoffMissing, healthyMap([bot, lane]))[0]?.message).toContain("no hand-off in its stage");
    const handoff = card("h1", "handoff", "s5", { fields: { actor: "bot", triggers: ["anger detected"] } });
    expect(run(handoffMissing, healthyMap([bot, lane, handoff]))).toEqual([]);
    expect(run(handoffMissing, healthyMap())).toEqual([]);
  });
  it("handoff-missing fires for a bot hand-off without triggers", () => {
    const lane = { type: "addLane", id: "l-handoff", laneType: "handoff" };
    const silent = card("h1", "handoff", "s5", { text: "Chatbot", fields: { actor: "bot" } });
    expect(run(handoffMissing, healthyMap([lane, silent]))[0]?.message).toContain(
      "“Chatbot” lists no trigger",
    );
  });
});
