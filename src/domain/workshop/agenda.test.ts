import { describe, expect, it } from "vitest";
import { sequentialIds } from "../testing.ts";
import { type Agenda, AgendaActionSchema, applyAgendaAction } from "./agenda.ts";
import { WORKSHOP_LIMITS } from "./limits.ts";

const empty: Agenda = { steps: [], currentStepId: null };

describe("the agenda", () => {
  it("adds steps (the first becomes current), reorders, renames, marks current and removes", () => {
    const id = sequentialIds("st");
    let a = applyAgendaAction(empty, { op: "add", title: "Warm-up" }, id);
    a = applyAgendaAction(a, { op: "add", title: "Map the stages" }, id);
    a = applyAgendaAction(a, { op: "add", title: "Dot vote" }, id);
    expect(a.currentStepId).toBe("st-1");
    a = applyAgendaAction(a, { op: "move", stepId: "st-3", to: 0 }, id);
    expect(a.steps.map((s) => s.title)).toEqual(["Dot vote", "Warm-up", "Map the stages"]);
    a = applyAgendaAction(a, { op: "move", stepId: "st-3", to: 99 }, id);
    expect(a.steps.map((s) => s.id)).toEqual(["st-1", "st-2", "st-3"]);
    a = applyAgendaAction(a, { op: "rename", stepId: "st-2", title: "Stages" }, id);
    a = applyAgendaAction(a, { op: "current", stepId: "st-2" }, id);
    expect(a.currentStepId).toBe("st-2");
    a = applyAgendaAction(a, { op: "remove", stepId: "st-2" }, id);
    expect(a).toEqual({
      steps: [
        { id: "st-1", title: "Warm-up" },
        { id: "st-3", title: "Dot vote" },
      ],
      currentStepId: "st-3",
    });
  });

  it("refuses unknown steps, too many steps, and empty or long titles", () => {
    expect(() => applyAgendaAction(empty, { op: "current", stepId: "nope" }, sequentialIds())).toThrow(
      /no agenda step/,
    );
    let a = empty;
    const id = sequentialIds();
    for (let i = 0; i < WORKSHOP_LIMITS.agendaSteps; i++)
      a = applyAgendaAction(a, { op: "add", title: `S${i}` }, id);
    expect(() => applyAgendaAction(a, { op: "add", title: "one more" }, id)).toThrow(/at most 30 steps/);
    expect(AgendaActionSchema.safeParse({ op: "add", title: "   " }).success).toBe(false);
    expect(AgendaActionSchema.safeParse({ op: "add", title: "x".repeat(121) }).success).toBe(false);
    expect(AgendaActionSchema.safeParse({ op: "move", stepId: "a", to: -1 }).success).toBe(false);
  });
});
