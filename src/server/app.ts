import { Hono } from "hono";
import { secureHeaders } from "hono/secure-headers";
import { listTemplates } from "../domain/templates/index.ts";
import { AnalysisService } from "../services/analysis-service.ts";
import { JourneyService } from "../services/journey-service.ts";
import { PersonaService } from "../services/persona-service.ts";
import { SettingsService } from "../services/settings-service.ts";
import type { Store } from "../storage/store.ts";
import { DEFAULT_WORKSPACE_ID } from "../storage/workspaces.ts";
import { type Authenticator, requireIdentity } from "./auth.ts";
import type { AppEnv, Services } from "./context.ts";
import { onError, onNotFound } from "./errors.ts";
import { analysisRoutes } from "./routes/analysis/routes.ts";
import { journeyRoutes } from "./routes/journeys/routes.ts";
import { personaRoutes } from "./routes/personas/routes.ts";
import { settingsRoutes } from "./routes/settings/routes.ts";
import { VERSION } from "./version.ts";

/** What the app needs. */
export interface AppOptions {
  store: Store;
  auth: Authenticator;
  clock?: () => string;
}

/** The HTTP app: `/api/*` JSON routes. Static UI files are mounted by `serve.ts`. */
export function createApp(opts: AppOptions): Hono<AppEnv> {
  const journeys = new JourneyService(opts.store, opts.clock);
  const settings = new SettingsService(opts.store);
  const services: Services = {
    journeys,
    personas: new PersonaService(opts.store, opts.clock),
    settings,
    analysis: new AnalysisService(opts.store, journeys, settings, opts.clock),
  };
  const app = new Hono<AppEnv>();
  app.onError(onError);
  app.notFound(onNotFound);
  app.use("*", secureHeaders());
  app.get("/api/health", (c) => c.json({ status: "ok", version: VERSION }));
  const api = new Hono<AppEnv>();
  api.use("*", requireIdentity(opts.auth));
  api.use("*", async (c, next) => {
    c.set("workspaceId", DEFAULT_WORKSPACE_ID);
    c.set("services", services);
    await next();
  });
  api.get("/templates", (c) => c.json(listTemplates()));
  api.route("/personas", personaRoutes());
  api.route("/journeys", journeyRoutes());
  api.route("/journeys", analysisRoutes());
  api.route("/settings", settingsRoutes());
  app.route("/api", api);
  return app;
}
