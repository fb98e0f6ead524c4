import { readFileSync } from "node:fs";
import { newId, WaylineError } from "../../domain/index.ts";
import { type SurveyResults, surveyResults } from "../../domain/journey-data/index.ts";
import type { UnitOfWork } from "../../storage/store.ts";
import type { SurveyRecord } from "../../storage/surveys.ts";
import type { JourneyService } from "../journey-service.ts";
import { re2Regex } from "../regex/re2-regex.ts";
import { parseSurvey, type SurveyReadOptions, type SurveyRowError } from "./parse-survey.ts";

/** A survey attached to a map, as listed. */
export interface SurveyInfo {
  id: string;
  name: string;
  responses: number;
  createdAt: string;
}

/** Surveys and feedback per map, and their per-stage results. */
export class SurveyService {
  constructor(
    private readonly store: UnitOfWork,
    private readonly journeys: JourneyService,
    private readonly clock: () => string = () => new Date().toISOString(),
  ) {}

  /** Imports a survey file for a map; returns it with the rows that were skipped and why. */
  async import(
    ws: string,
    mapId: string,
    file: string,
    fileName: string,
    name?: string,
    options: SurveyReadOptions = {},
  ): Promise<SurveyInfo & { errors: SurveyRowError[]; tool?: string }> {
    await this.journeys.get(ws, mapId);
    const { responses, errors, tool } = parseSurvey(readFileSync(file, "utf8"), fileName, options);
    const info = {
      id: newId(),
      name: name ?? fileName.replace(/\.[^.]+$/, ""),
      responses: responses.length,
      createdAt: this.clock(),
    };
    await this.store.surveys.insert(ws, {
      id: info.id,
      journeyId: mapId,
      name: info.name,
      responses,
      createdAt: info.createdAt,
    });
    return { ...info, errors, ...(tool ? { tool } : {}) };
  }

  /** Surveys of a map, newest first. */
  async list(ws: string, mapId: string): Promise<SurveyInfo[]> {
    const rows = await this.rows(ws, mapId);
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      responses: r.responses.length,
      createdAt: r.createdAt,
    }));
  }

  /** Deletes a survey; `not_found` when absent. */
  async delete(ws: string, mapId: string, id: string): Promise<void> {
    if (!(await this.store.surveys.delete(ws, mapId, id)))
      throw new WaylineError("not_found", `no survey with id "${id}" on this map`);
  }

  /** Per-stage results of every survey of the map (or one). */
  async results(ws: string, mapId: string, surveyId?: string): Promise<SurveyResults> {
    const { map } = await this.journeys.get(ws, mapId);
    const rows = (await this.rows(ws, mapId)).filter((r) => !surveyId || r.id === surveyId);
    if (surveyId && rows.length === 0)
      throw new WaylineError("not_found", `no survey with id "${surveyId}" on this map`);
    return surveyResults(
      map,
      rows.flatMap((r) => r.responses),
      re2Regex,
    );
  }

  private rows(ws: string, mapId: string): Promise<SurveyRecord[]> {
    return this.store.surveys.listForJourney(ws, mapId);
  }
}
