import { PersonaIdSchema } from "../../model/ids.ts";
import { fail } from "../context.ts";
import { defineCommand } from "../define.ts";
import { commandSchema } from "../fields.ts";

/** Detaches a persona; its emotion points stay in the document (hidden) so re-attaching restores them. */
export const schema = commandSchema("detachPersona", { personaId: PersonaIdSchema });

export const command = defineCommand({
  schema,
  apply(ctx, c) {
    if (!ctx.r.personas.has(c.personaId)) fail(ctx, "personaId", "persona is not attached");
    ctx.r.personas.delete(c.personaId);
    ctx.r.lanes.forEach((l) => {
      if (l.get("personaId") === c.personaId) l.set("personaId", null);
    });
    ctx.writes.add(`persona:${c.personaId}`);
  },
  invert(m, c) {
    const index = m.personaIds.indexOf(c.personaId);
    return [{ type: "attachPersona", personaId: c.personaId, index: Math.max(0, index) }];
  },
  describe: () => "Persona detached",
});
