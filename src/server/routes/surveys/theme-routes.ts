import { Hono } from "hono";
import { z } from "zod";
import { text } from "../../../domain/model/text.ts";
import type { AppEnv } from "../../context.ts";
import { body, query } from "../../validate.ts";
import { present } from "../journeys/routes.ts";

const ThemesQuery = z.strictObject({ surveyId: text().min(1).max(64).optional() });
const SuggestPainBody = z.strictObject({
  stageId: text().min(1).max(64),
  phrase: text().min(1).max(200),
  surveyId: text().min(1).max(64).optional(),
});

const TicketThemesQuery = z.strictObject({
  logId: text().min(1).max(64),
  attribute: text().min(1).max(200).optional(),
});
const SuggestTicketPainBody = z.strictObject({
  logId: text().min(1).max(64),
  stageId: text().min(1).max(64),
  phrase: text().min(1).max(200),
  attribute: text().min(1).max(200).optional(),
});

/** Themes from survey comments and support tickets of a map, mounted under `/api/journeys`. */
export function themeRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.get("/:id/surveys/themes", async (c) => {
    const { surveyId } = query(c, ThemesQuery);
    return c.json(await c.var.services.themes.themes(c.var.workspaceId, c.req.param("id"), surveyId));
  });
  r.post("/:id/surveys/themes/pain", async (c) => {
    const input = await body(c, SuggestPainBody);
    const { view, cardId } = await c.var.services.themes.suggestPain(
      c.var.workspaceId,
      c.req.param("id"),
      input,
    );
    return c.json({ map: present(view), cardId }, 201);
  });
  r.get("/:id/tickets/themes", async (c) => {
    const { logId, attribute } = query(c, TicketThemesQuery);
    return c.json(
      await c.var.services.ticketThemes.themes(c.var.workspaceId, c.req.param("id"), logId, attribute),
    );
  });
  r.post("/:id/tickets/themes/pain", async (c) => {
    const input = await body(c, SuggestTicketPainBody);
    const { view, cardId } = await c.var.services.ticketThemes.suggestPain(
      c.var.workspaceId,
      c.req.param("id"),
      input,
    );
    return c.json({ map: present(view), cardId }, 201);
  });
  return r;
}
