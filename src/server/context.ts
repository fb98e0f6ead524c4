import type { AnalysisService } from "../services/analysis-service.ts";
import type { JourneyService } from "../services/journey-service.ts";
import type { LogLibrary } from "../services/logs/log-library.ts";
import type { MapDataService } from "../services/logs/map-data-service.ts";
import type { PersonaService } from "../services/persona-service.ts";
import type { SettingsService } from "../services/settings-service.ts";
import type { SurveyService } from "../services/surveys/survey-service.ts";
import type { Identity } from "./auth.ts";

/** The use cases the routes call. */
export interface Services {
  journeys: JourneyService;
  personas: PersonaService;
  settings: SettingsService;
  analysis: AnalysisService;
  logs: LogLibrary;
  mapData: MapDataService;
  surveys: SurveyService;
}

/** Hono environment of the app: per-request variables set by middleware. */
export interface AppEnv {
  Variables: {
    identity: Identity;
    workspaceId: string;
    services: Services;
  };
}
