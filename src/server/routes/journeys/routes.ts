import { Hono } from "hono";
import {
  CommandsBody,
  type CommandsResult,
  CreateJourneyBody,
  ExportQuery,
  type JourneySummary,
  ListJourneysQuery,
  type MapView,
  PatchJourneyBody,
} from "../../../contract/journeys.ts";
import { MAX_NATIVE_DOCUMENT_BYTES } from "../../../domain/index.ts";
import type { JourneyView } from "../../../services/journey-service.ts";
import type { AppEnv } from "../../context.ts";
import { body, query, readJson } from "../../validate.ts";

/** The full map as answered by the API: the map's fields plus its personas and version. */
export function present(v: JourneyView): MapView {
  return { ...v.map, personas: v.personas, version: v.version };
}

/** A file name for a map title. */
function slug(title: string): string {
  return (
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 60) || "journey"
  );
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
  r.post("/import", async (c) => {
    const doc = await readJson(c, MAX_NATIVE_DOCUMENT_BYTES);
    return c.json(present(await c.var.services.journeys.importNative(c.var.workspaceId, doc)), 201);
  });
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
  r.get("/:id/export", async (c) => {
    query(c, ExportQuery);
    const doc = await c.var.services.journeys.exportNative(c.var.workspaceId, c.req.param("id"));
    c.header("Content-Disposition", `attachment; filename="${slug(doc.map.title)}.wayline.json"`);
    return c.json(doc);
  });
  return r;
}
