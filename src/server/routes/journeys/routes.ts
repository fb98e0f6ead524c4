import { Hono } from "hono";
import {
  CommandsBody,
  type CommandsResult,
  CreateJourneyBody,
  type JourneySummary,
  ListJourneysQuery,
  type MapView,
  PatchJourneyBody,
} from "../../../contract/journeys.ts";
import type { JourneyView } from "../../../services/journey-service.ts";
import type { AppEnv } from "../../context.ts";
import { body, query } from "../../validate.ts";
import { exportRoutes } from "./export.ts";
import { importRoutes } from "./import.ts";

/** The full map as answered by the API: the map's fields plus its personas and version. */
export function present(v: JourneyView): MapView {
  return { ...v.map, personas: v.personas, version: v.version };
}

/** `/api/journeys`: maps, their commands, export and import. */
export function journeyRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.get("/", async (c) =>
    c.json<JourneySummary[]>(
      await c.var.services.journeys.list(c.var.workspaceId, query(c, ListJourneysQuery)),
    ),
  );
  r.post("/", async (c) =>
    c.json(
      present(await c.var.services.journeys.create(c.var.workspaceId, await body(c, CreateJourneyBody))),
      201,
    ),
  );
  r.route("/", importRoutes());
  r.get("/:id", async (c) =>
    c.json(present(await c.var.services.journeys.get(c.var.workspaceId, c.req.param("id")))),
  );
  r.patch("/:id", async (c) => {
    const { baseVersion, ...patch } = await body(c, PatchJourneyBody);
    return c.json(
      present(await c.var.services.journeys.patch(c.var.workspaceId, c.req.param("id"), patch, baseVersion)),
    );
  });
  r.delete("/:id", async (c) => {
    await c.var.services.journeys.delete(c.var.workspaceId, c.req.param("id"));
    return c.body(null, 204);
  });
  r.post("/:id/commands", async (c) => {
    const batch = await body(c, CommandsBody);
    const { view, created } = await c.var.services.journeys.apply(
      c.var.workspaceId,
      c.req.param("id"),
      batch,
    );
    return c.json<CommandsResult>({ ...present(view), created });
  });
  r.route("/", exportRoutes());
  return r;
}
