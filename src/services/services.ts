import { join } from "node:path";
import type { DatabaseOptions } from "../storage/database.ts";
import { openStore, type Store, type UnitOfWork } from "../storage/store.ts";
import { ActivityService } from "./activity/activity-service.ts";
import { currentActor } from "./activity/actor-context.ts";
import { AnalysisService } from "./analysis-service.ts";
import { AtlasService } from "./atlas/atlas-service.ts";
import { CommentService } from "./comments/comment-service.ts";
import { EventBus } from "./events/events.ts";
import { HierarchyService } from "./hierarchy/hierarchy-service.ts";
import { JourneyService } from "./journey-service.ts";
import { KpiService } from "./kpis/kpi-service.ts";
import { CollectorService } from "./logs/collector/collector-service.ts";
import { DraftMapService } from "./logs/draft-map-service.ts";
import { LogLibrary } from "./logs/log-library.ts";
import { MapDataService } from "./logs/map-data-service.ts";
import { NotificationService } from "./notifications/notification-service.ts";
import { PersonaService } from "./persona-service.ts";
import { AttentionService } from "./portfolio/attention-service.ts";
import { PortfolioService } from "./portfolio/portfolio-service.ts";
import { SimilarPainService } from "./portfolio/similar-service.ts";
import { ReviewService } from "./reviews/review-service.ts";
import { SettingsService } from "./settings-service.ts";
import { SurveyService } from "./surveys/survey-service.ts";
import { ThemeService } from "./surveys/themes.ts";
import { TicketThemeService } from "./surveys/ticket-themes.ts";
import { UploadService } from "./uploads/upload-service.ts";
import { VersionService, versionPolicyFromEnv } from "./versions/version-service.ts";
import { type WebhookOptions, WebhookService } from "./webhooks/webhook-service.ts";
import { WorkshopService } from "./workshop/workshop-service.ts";

/** The use cases the REST API and the CLI call. */
export interface Services {
  journeys: JourneyService;
  personas: PersonaService;
  settings: SettingsService;
  analysis: AnalysisService;
  logs: LogLibrary;
  mapData: MapDataService;
  /** Drafts a map from an imported log. */
  drafts: DraftMapService;
  /** Themes from survey comments. */
  themes: ThemeService;
  /** Themes from a support log's ticket text. */
  ticketThemes: TicketThemeService;
  surveys: SurveyService;
  /** Needs attention: what is stale or overdue across the workspace. */
  attention: AttentionService;
  /** Portfolio: every pain point and idea across maps; bulk edits through each map's commands. */
  portfolio: PortfolioService;
  /** Similar pain points across maps: suggestions, links, dismissals. */
  similarPains: SimilarPainService;
  /** KPIs across maps with their history and the solutions that should move them. */
  kpis: KpiService;
  /** Version history of maps. */
  versions: VersionService;
  /** Journey hierarchy: parents, breadcrumb and roll-ups of linked stages. */
  hierarchy: HierarchyService;
  /** The atlas: personas × lifecycle phases with a tile per map. */
  atlas: AtlasService;
  /** Uploaded images (persona photos). */
  uploads: UploadService;
  /** The event bus of the team features (the inbox subscribes; webhooks and the activity log can). */
  events: EventBus;
  /** Comment threads on maps. */
  comments: CommentService;
  /** Workshop sessions: timer, agenda, follow the facilitator, parking lot, dot votes. */
  workshops: WorkshopService;
  /** Review requests and publishing. */
  reviews: ReviewService;
  /** The in-app inbox. */
  notifications: NotificationService;
  /** The activity log of maps (who changed what, in words). */
  activity: ActivityService;
  /** Outgoing webhooks (queued here; sent once the server calls `webhooks.start()`). */
  webhooks: WebhookService;
  /** The live-events collector (Segment HTTP API) appending to workspace logs. */
  collector: CollectorService;
  /** Closes what the services opened (event-log engines); the store stays open. */
  close(): Promise<void>;
}

/** What the services need: the store, where files live, and optional ClickHouse and clock. */
export interface ServicesConfig {
  /** Repositories and transactions. */
  store: UnitOfWork;
  /** Data folder; workspace event logs go to `<dataDir>/logs`. Default `./data`. */
  dataDir?: string | undefined;
  /** ClickHouse for new workspace logs (CLICKHOUSE_URL); embedded DuckDB files when absent. */
  clickhouseUrl?: string | undefined;
  /** Current time as an ISO string (tests pin it). */
  clock?: (() => string) | undefined;
  /** Webhook limits and private-address policy (tests shorten delays). */
  webhooks?: WebhookOptions | undefined;
}

/** Wires every service once; the server and every CLI command get theirs from here. */
export function createServices(cfg: ServicesConfig): Services {
  const { store, clock } = cfg;
  const journeys = new JourneyService(store, clock);
  const settings = new SettingsService(store);
  const logs = new LogLibrary(
    store,
    { dir: join(cfg.dataDir ?? "./data", "logs"), clickhouseUrl: cfg.clickhouseUrl },
    clock,
  );
  const mapData = new MapDataService(journeys, logs, clock);
  const collector = new CollectorService(store, logs, clock);
  const personas = new PersonaService(store, clock);
  const attention = new AttentionService(journeys, settings, clock);
  const versions = new VersionService(store, journeys, clock, versionPolicyFromEnv(process.env));
  const events = new EventBus();
  const comments = new CommentService(store, journeys, events, clock);
  const activity = new ActivityService(store, events, clock);
  journeys.observeEdits(async (ws, before, after) =>
    activity.recordDiff(ws, before, after, await currentActor()),
  );
  const webhooks = new WebhookService(store, events, clock, cfg.webhooks);
  return {
    journeys,
    personas,
    settings,
    analysis: new AnalysisService(store, journeys, settings, clock),
    logs,
    mapData,
    drafts: new DraftMapService(journeys, logs, clock),
    collector,
    themes: new ThemeService(store, journeys),
    ticketThemes: new TicketThemeService(journeys, logs),
    surveys: new SurveyService(store, journeys, clock),
    attention,
    portfolio: new PortfolioService(journeys, clock, mapData, settings),
    similarPains: new SimilarPainService(store, journeys, clock),
    kpis: new KpiService(journeys),
    uploads: new UploadService(store, undefined, clock),
    versions,
    events,
    comments,
    workshops: new WorkshopService(store, journeys, clock),
    reviews: new ReviewService(store, journeys, versions, comments, events, clock),
    notifications: new NotificationService(store, events, journeys, attention, clock),
    hierarchy: new HierarchyService(journeys, settings, mapData, clock),
    atlas: new AtlasService(journeys, personas, settings, mapData, clock),
    activity,
    webhooks,
    close: async () => {
      await webhooks.stop();
      await collector.flush();
      await logs.close();
    },
  };
}

/** Services over a store they opened, and how to close both. */
export interface OpenServices {
  store: Store;
  services: Services;
  /** Closes the services, then the store. */
  close(): Promise<void>;
}

/** Opens (and migrates) the store named by `database` and wires the services on it. */
export async function openServices(
  cfg: Omit<ServicesConfig, "store"> & { database: DatabaseOptions },
): Promise<OpenServices> {
  const store = await openStore({ ...cfg.database, dataDir: cfg.database.dataDir ?? cfg.dataDir });
  const services = createServices({ ...cfg, store });
  return {
    store,
    services,
    close: async () => {
      await services.close();
      await store.close();
    },
  };
}
