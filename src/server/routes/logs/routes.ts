import { rmSync } from "node:fs";
import { Hono } from "hono";
import {
  FunnelQuery,
  type LogInfo,
  PathsQuery,
  UploadLogQuery,
  VariantsQuery,
} from "../../../contract/logs.ts";
import type { ActivityDurationsResult } from "../../../domain/journey-data/index.ts";
import type { AppEnv } from "../../context.ts";
import { query } from "../../validate.ts";
import { receiveUpload } from "./upload.ts";

/** `/api/logs`: imported event logs and the journey analytics on them. */
export function logRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  const logs = (c: { var: AppEnv["Variables"] }) => c.var.services.logs;
  r.get("/", async (c) => c.json<LogInfo[]>(await logs(c).list(c.var.workspaceId)));
  r.post("/", async (c) => {
    const q = query(c, UploadLogQuery);
    const { file, dir } = await receiveUpload(c, q.filename);
    try {
      const { name, filename, ...options } = q;
      const info = await logs(c).import(c.var.workspaceId, file, {
        fileName: filename,
        options,
        ...(name ? { name } : {}),
      });
      return c.json<LogInfo>(info, 201);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  r.get("/:id", async (c) => c.json<LogInfo>(await logs(c).get(c.var.workspaceId, c.req.param("id"))));
  r.delete("/:id", async (c) => {
    await logs(c).delete(c.var.workspaceId, c.req.param("id"));
    return c.body(null, 204);
  });
  r.get("/:id/stats", async (c) =>
    c.json(await logs(c).query(c.var.workspaceId, c.req.param("id"), (e) => e.stats())),
  );
  r.get("/:id/durations", async (c) =>
    c.json<ActivityDurationsResult>(
      await logs(c).query(c.var.workspaceId, c.req.param("id"), (e) => e.activityDurations()),
    ),
  );
  r.get("/:id/variants", async (c) => {
    const q = query(c, VariantsQuery);
    return c.json(await logs(c).query(c.var.workspaceId, c.req.param("id"), (e) => e.variants(q)));
  });
  r.get("/:id/dfg", async (c) =>
    c.json(await logs(c).query(c.var.workspaceId, c.req.param("id"), (e) => e.dfg())),
  );
  r.get("/:id/paths", async (c) => {
    const q = query(c, PathsQuery);
    return c.json(await logs(c).query(c.var.workspaceId, c.req.param("id"), (e) => e.paths(q)));
  });
  r.get("/:id/funnel", async (c) => {
    const { window, ...q } = query(c, FunnelQuery);
    const funnel = { ...q, ...(window ? { windowMs: window } : {}) };
    return c.json(await logs(c).query(c.var.workspaceId, c.req.param("id"), (e) => e.funnel(funnel)));
  });
  return r;
}
