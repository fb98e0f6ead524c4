import { z } from "zod";
import { WaylineError } from "../errors.ts";
import { text } from "../model/text.ts";
import { WORKSHOP_LIMITS } from "./limits.ts";

const stepId = text()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, "ids use only letters, digits, '_' and '-'");

/** One timeboxed step of a workshop's agenda. */
export const AgendaStepSchema = z.strictObject({
  /** Stable id. */
  id: stepId,
  /** What the group does, e.g. "Map the stages". */
  title: text().trim().min(1).max(WORKSHOP_LIMITS.stepTitle),
});
/** One step of a workshop's agenda. */
export type AgendaStep = z.infer<typeof AgendaStepSchema>;

/** The agenda: ordered steps and the one the group is on. */
export const AgendaSchema = z.strictObject({
  /** Steps in order. */
  steps: z.array(AgendaStepSchema).max(WORKSHOP_LIMITS.agendaSteps),
  /** The current step (shown to everyone), null before the first. */
  currentStepId: stepId.nullable(),
});
/** A workshop's agenda. */
export type Agenda = z.infer<typeof AgendaSchema>;

/** What a facilitator does with the agenda. */
export const AgendaActionSchema = z.discriminatedUnion("op", [
  z.strictObject({ op: z.literal("add"), title: AgendaStepSchema.shape.title }),
  z.strictObject({ op: z.literal("rename"), stepId, title: AgendaStepSchema.shape.title }),
  /** Moves a step to position `to` (0-based, clamped to the list). */
  z.strictObject({ op: z.literal("move"), stepId, to: z.number().int().min(0) }),
  z.strictObject({ op: z.literal("remove"), stepId }),
  z.strictObject({ op: z.literal("current"), stepId: stepId.nullable() }),
]);
/** What a facilitator does with the agenda. */
export type AgendaAction = z.infer<typeof AgendaActionSchema>;

function indexOf(a: Agenda, id: string): number {
  const i = a.steps.findIndex((s) => s.id === id);
  if (i < 0) throw new WaylineError("not_found", `no agenda step "${id}"`, { field: "stepId" });
  return i;
}

/** The agenda after `action`; `newId` names an added step. */
export function applyAgendaAction(a: Agenda, action: AgendaAction, newId: () => string): Agenda {
  switch (action.op) {
    case "add": {
      if (a.steps.length >= WORKSHOP_LIMITS.agendaSteps)
        throw new WaylineError(
          "invalid_request",
          `an agenda holds at most ${WORKSHOP_LIMITS.agendaSteps} steps`,
          {
            field: "title",
          },
        );
      const step = { id: newId(), title: action.title };
      return { steps: [...a.steps, step], currentStepId: a.currentStepId ?? step.id };
    }
    case "rename": {
      const i = indexOf(a, action.stepId);
      return { ...a, steps: a.steps.map((s, j) => (j === i ? { ...s, title: action.title } : s)) };
    }
    case "move": {
      const i = indexOf(a, action.stepId);
      const steps = a.steps.filter((_, j) => j !== i);
      steps.splice(Math.min(action.to, steps.length), 0, a.steps[i] as AgendaStep);
      return { ...a, steps };
    }
    case "remove": {
      const i = indexOf(a, action.stepId);
      const steps = a.steps.filter((_, j) => j !== i);
      const current =
        a.currentStepId === action.stepId
          ? (steps[Math.min(i, steps.length - 1)]?.id ?? null)
          : a.currentStepId;
      return { steps, currentStepId: current };
    }
    case "current":
      if (action.stepId !== null) indexOf(a, action.stepId);
      return { ...a, currentStepId: action.stepId };
  }
}
