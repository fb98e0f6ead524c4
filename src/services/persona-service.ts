import {
  createPersona,
  invalid,
  newId,
  type Persona,
  type PersonaId,
  type PersonaInput,
  type PersonaPatch,
  PersonaSchema,
  problemsFromIssues,
  WaylineError,
} from "../domain/index.ts";
import type { UnitOfWork } from "../storage/store.ts";

/** Use cases on the personas of a workspace. */
export class PersonaService {
  constructor(
    private readonly store: UnitOfWork,
    private readonly clock: () => string = () => new Date().toISOString(),
  ) {}

  /** Every persona of the workspace. */
  list(ws: string): Promise<Persona[]> {
    return this.store.personas.list(ws);
  }

  /** One persona; `not_found` when absent. */
  async get(ws: string, id: string): Promise<Persona> {
    const p = await this.store.personas.get(ws, id);
    if (!p) throw new WaylineError("not_found", `no persona with id "${id}"`);
    return p;
  }

  /** Creates a persona; a given id must be free. */
  async create(ws: string, input: PersonaInput): Promise<Persona> {
    if (input.id && (await this.store.personas.get(ws, input.id)))
      throw new WaylineError("conflict", `a persona with id "${input.id}" already exists`);
    const p = createPersona(input, { id: input.id ?? newId<PersonaId>(), now: this.clock() });
    await this.store.personas.put(ws, p);
    return p;
  }

  /** Changes fields of a persona. */
  async update(ws: string, id: string, patch: PersonaPatch): Promise<Persona> {
    const current = await this.get(ws, id);
    const parsed = PersonaSchema.safeParse({ ...current, ...patch, updatedAt: this.clock() });
    if (!parsed.success)
      throw invalid("invalid_request", "invalid persona", problemsFromIssues(parsed.error.issues));
    await this.store.personas.put(ws, parsed.data);
    return parsed.data;
  }

  /** Deletes a persona (maps that attached it keep working and no longer show it). */
  async delete(ws: string, id: string): Promise<void> {
    if (!(await this.store.personas.delete(ws, id)))
      throw new WaylineError("not_found", `no persona with id "${id}"`);
  }
}
