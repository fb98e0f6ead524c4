import { PersonaIdSchema } from "../../model/ids.ts";
import { keyAtIndex } from "../../ordering.ts";
import { fail } from "../context.ts";
import { defineCommand } from "../define.ts";
import { commandSchema, index } from "../fields.ts";

/** Attaches a workspace persona (its existence is checked by the service, which knows the workspace). */
export const schema = commandSchema("attachPersona", { personaId: PersonaIdSchema, index });

export const command = defineCommand({
  schema,
  apply(ctx, c) {
    if (ctx.r.personas.has(c.personaId)) fail(ctx, "personaId", "persona is already attached");
    const list: { id: string; order: string }[] = [];
    ctx.r.personas.forEach((order, id) => list.push({ id, order }));
    list.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
    ctx.r.personas.set(c.personaId, keyAtIndex(list, c.index ?? Number.MAX_SAFE_INTEGER));
    ctx.writes.add(`persona:${c.personaId}`);
  },
  invert: (_m, c) => [{ type: "detachPersona", personaId: c.personaId }],
  describe: () => "Persona attached",
});
