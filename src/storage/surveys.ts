import type { Kysely } from "kysely";
import type { SurveyResponse } from "../domain/journey-data/index.ts";
import type { Database, SurveyRow } from "./schema.ts";

/** A survey attached to a map, with its answers. */
export interface SurveyRecord {
  id: string;
  journeyId: string;
  name: string;
  /** The parsed answers. */
  responses: SurveyResponse[];
  createdAt: string;
}

function toRecord(r: SurveyRow): SurveyRecord {
  return {
    id: r.id,
    journeyId: r.journey_id,
    name: r.name,
    responses: JSON.parse(r.responses),
    createdAt: r.created_at,
  };
}

/** Surveys and feedback per map. */
export class SurveyRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Stores a survey of a map. */
  async insert(workspaceId: string, survey: SurveyRecord): Promise<void> {
    await this.db
      .insertInto("surveys")
      .values({
        id: survey.id,
        workspace_id: workspaceId,
        journey_id: survey.journeyId,
        name: survey.name,
        responses: JSON.stringify(survey.responses),
        created_at: survey.createdAt,
      })
      .execute();
  }

  /** Surveys of a map, newest first. */
  async listForJourney(workspaceId: string, journeyId: string): Promise<SurveyRecord[]> {
    const rows = await this.db
      .selectFrom("surveys")
      .selectAll()
      .where("workspace_id", "=", workspaceId)
      .where("journey_id", "=", journeyId)
      .orderBy("created_at", "desc")
      .orderBy("id")
      .execute();
    return rows.map(toRecord);
  }

  /** Deletes one survey of a map; true when it existed. */
  async delete(workspaceId: string, journeyId: string, id: string): Promise<boolean> {
    const r = await this.db
      .deleteFrom("surveys")
      .where("workspace_id", "=", workspaceId)
      .where("journey_id", "=", journeyId)
      .where("id", "=", id)
      .executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  /** Deletes every survey of a map (when the map goes). */
  async deleteForJourney(workspaceId: string, journeyId: string): Promise<void> {
    await this.db
      .deleteFrom("surveys")
      .where("workspace_id", "=", workspaceId)
      .where("journey_id", "=", journeyId)
      .execute();
  }
}
