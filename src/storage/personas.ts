import type { Kysely } from "kysely";
import { type Persona, PersonaSchema } from "../domain/index.ts";
import type { Database } from "./schema.ts";

/** Personas of a workspace, stored as validated JSON. */
export class PersonaRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Every persona of the workspace, by name. */
  async list(workspaceId: string): Promise<Persona[]> {
    const rows = await this.db
      .selectFrom("personas")
      .select("data")
      .where("workspace_id", "=", workspaceId)
      .orderBy("name")
      .orderBy("id")
      .execute();
    return rows.map((r) => PersonaSchema.parse(JSON.parse(r.data)));
  }

  /** Personas with the given ids (missing ids are left out). */
  async getMany(workspaceId: string, ids: readonly string[]): Promise<Persona[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .selectFrom("personas")
      .select("data")
      .where("workspace_id", "=", workspaceId)
      .where("id", "in", [...ids])
      .execute();
    const byId = new Map(
      rows.map((r) => {
        const p = PersonaSchema.parse(JSON.parse(r.data));
        return [p.id as string, p];
      }),
    );
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /** One persona, or null. */
  async get(workspaceId: string, id: string): Promise<Persona | null> {
    return (await this.getMany(workspaceId, [id]))[0] ?? null;
  }

  /** Inserts or replaces a persona. */
  async put(workspaceId: string, p: Persona): Promise<void> {
    const values = { name: p.name, data: JSON.stringify(p), updated_at: p.updatedAt };
    await this.db
      .insertInto("personas")
      .values({ id: p.id, workspace_id: workspaceId, created_at: p.createdAt, ...values })
      .onConflict((oc) => oc.column("id").doUpdateSet(values))
      .execute();
  }

  /** Deletes a persona; true when it existed. */
  async delete(workspaceId: string, id: string): Promise<boolean> {
    const r = await this.db
      .deleteFrom("personas")
      .where("workspace_id", "=", workspaceId)
      .where("id", "=", id)
      .executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }
}
