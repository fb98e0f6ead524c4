import { PersonaInputSchema, PersonaPatchSchema } from "../domain/index.ts";

// `/api/personas` (docs/api.md): the answers are the domain's `Persona`.

/** Body of `POST /api/personas`. */
export const CreatePersonaBody = PersonaInputSchema;
/** Body of `PATCH /api/personas/:id`. */
export const PatchPersonaBody = PersonaPatchSchema;
