import { rmSync } from "node:fs";
import { Hono } from "hono";
import {
  type SurveyInfo,
  SurveyResultsQuery,
  type SurveyUpload,
  UploadSurveyQuery,
} from "../../../contract/surveys.ts";
import type { AppEnv } from "../../context.ts";
import { query } from "../../validate.ts";
import { receiveUpload } from "../logs/upload.ts";

/** Largest survey upload (bytes). */
const SURVEY_UPLOAD_LIMIT = 64 * 1024 * 1024;

/** Surveys of a map, mounted under `/api/journeys`. */
export function surveyRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.get("/:id/surveys", async (c) =>
    c.json<SurveyInfo[]>(await c.var.services.surveys.list(c.var.workspaceId, c.req.param("id"))),
  );
  r.get("/:id/surveys/results", async (c) => {
    const { surveyId } = query(c, SurveyResultsQuery);
    return c.json(await c.var.services.surveys.results(c.var.workspaceId, c.req.param("id"), surveyId));
  });
  r.post("/:id/surveys", async (c) => {
    const q = query(c, UploadSurveyQuery);
    const { file, dir } = await receiveUpload(c, q.filename, SURVEY_UPLOAD_LIMIT);
    try {
      return c.json<SurveyUpload>(
        await c.var.services.surveys.import(c.var.workspaceId, c.req.param("id"), file, q.filename, q.name, {
          ...(q.stage ? { stage: q.stage } : {}),
          ...(q.tool ? { tool: q.tool } : {}),
        }),
        201,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  r.delete("/:id/surveys/:surveyId", async (c) => {
    await c.var.services.surveys.delete(c.var.workspaceId, c.req.param("id"), c.req.param("surveyId"));
    return c.body(null, 204);
  });
  return r;
}
