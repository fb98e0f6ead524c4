import { timingSafeEqual } from "node:crypto";
import type { Env, Hono } from "hono";
import { WaylineError } from "../../domain/index.ts";
import { DEFAULT_WORKSPACE_ID } from "../../storage/workspaces.ts";
import { can } from "../access/permissions.ts";
import type { Authenticator } from "../auth.ts";
import { VERSION } from "../version.ts";
import type { Metrics } from "./metrics.ts";
import { checkReadiness, type ReadyTargets } from "./ready.ts";

/** What the operations routes need. */
export interface OpsOptions {
  auth: Authenticator;
  metrics: Metrics;
  ready: ReadyTargets;
  /** `WAYLINE_METRICS_TOKEN`: a bearer value that may read /metrics without an account. */
  metricsToken?: string | undefined;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Who may scrape /metrics: the bearer `WAYLINE_METRICS_TOKEN` when set, else whoever the server's
 * authenticator accepts with the role `server.metrics` asks for (admin) in the default workspace.
 * In local mode that is this machine only (loopback peer and Host).
 */
async function allowMetrics(c: Parameters<Authenticator>[0], o: OpsOptions): Promise<void> {
  const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header("authorization") ?? "")?.[1];
  if (o.metricsToken && bearer && sameSecret(bearer, o.metricsToken)) return;
  const who = await o.auth(c);
  if (!can(who, "server.metrics", { workspaceId: DEFAULT_WORKSPACE_ID }))
    throw new WaylineError("forbidden", `your role (${who.role}) may not server.metrics`, {
      action: "server.metrics",
    });
}

/** `GET /api/health` (liveness), `GET /api/ready` (dependencies) and `GET /metrics` (Prometheus). */
export function mountOpsRoutes<E extends Env>(app: Hono<E>, o: OpsOptions): void {
  app.get("/api/health", (c) => c.json({ status: "ok", version: VERSION }));
  app.get("/api/ready", async (c) => {
    const { ready, checks } = await checkReadiness(o.ready);
    const down = Object.entries(checks)
      .filter(([, r]) => r.status === "down")
      .map(([k]) => k);
    c.header("cache-control", "no-store");
    if (ready) return c.json({ status: "ready", version: VERSION, checks });
    return c.json(
      {
        status: "unavailable",
        version: VERSION,
        checks,
        error: { code: "unavailable", message: `not ready: ${down.join(", ")} down` },
      },
      503,
    );
  });
  app.get("/metrics", async (c) => {
    await allowMetrics(c, o);
    c.header("content-type", o.metrics.registry.contentType);
    c.header("cache-control", "no-store");
    return c.body(await o.metrics.text());
  });
}
