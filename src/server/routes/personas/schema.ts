import { PersonaInputSchema, PersonaPatchSchema } from "../../../domain/index.ts";

/** Body of `POST /api/personas`. */
export const CreatePersonaBody = PersonaInputSchema;
/** Body of `PATCH /api/personas/:id`. */
export const PatchPersonaBody = PersonaPatchSchema;
