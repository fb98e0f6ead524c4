import type { Generated } from "kysely";
import type { AccountTables } from "./account-schema.ts";
import type { CollectorKeyTables } from "./collector-keys.ts";
import type { CollectorMessageTables } from "./collector-messages.ts";
import type { CommentRow, CommentThreadRow, NotificationRow, ReviewRow } from "./discussion-migration.ts";
import type { PainLinkRow } from "./pain-links.ts";
import type { ShareTables } from "./share-migration.ts";
import type { UploadRow } from "./uploads.ts";
import type { JourneyVersionRow } from "./versions-migration.ts";
import type { WebhookActivityTables } from "./webhooks-activity-migration.ts";
import type { WorkshopTables } from "./workshop-migration.ts";

/** Row of `workspaces`. */
export interface WorkspaceRow {
  id: string;
  name: string;
  created_at: string;
  /** Workspace settings as JSON (e.g. `{"health":{…}}`). */
  settings?: string;
}

/** Row of `personas`: the persona as JSON, with its name for listing. */
export interface PersonaRow {
  id: string;
  workspace_id: string;
  name: string;
  data: string;
  created_at: string;
  updated_at: string;
}

/** Row of `journeys`: the Yjs state (canonical), a JSON snapshot and listing columns. */
export interface JourneyRow {
  id: string;
  workspace_id: string;
  title: string;
  kind: string;
  status: string;
  owner: string;
  tags: string;
  persona_ids: string;
  version: number;
  ydoc: Uint8Array;
  snapshot: string;
  created_at: string;
  updated_at: string;
  /** 1 when only `access_user_ids` (and the workspace's owners and admins) may see the map. */
  restricted?: Generated<number> | number;
  /** JSON array of the user ids a restricted map is open to. */
  access_user_ids?: Generated<string> | string;
}

/** Row of `journey_changes`: what each version read and wrote (for conflict detection). */
export interface JourneyChangeRow {
  journey_id: string;
  version: number;
  reads: string;
  writes: string;
  created_at: string;
}

/** Row of `api_tokens` (team mode): only a SHA-256 hash of the token is stored. */
export interface ApiTokenRow {
  id: Generated<number> | number;
  name: string;
  token_hash: string;
  role: string;
  /** The workspace the token acts in. */
  workspace_id?: Generated<string> | string;
  created_at: string;
  /** When the token last authenticated a request (updated at most once a minute), or null. */
  last_used_at?: string | null;
}

/** Row of `event_logs`: an imported event log (its events live in a DuckDB file of its own). */
export interface EventLogRow {
  id: string;
  workspace_id: string;
  name: string;
  file_name: string;
  /** LogStats as JSON. */
  stats: string;
  /** ImportReport as JSON (invalid rows capped). */
  report: string;
  created_at: string;
  /** Where the events live: "duckdb" (a file under data/logs) or "clickhouse" (tables wl_log_<id>_*). */
  engine?: string;
}

/** Row of `surveys`: survey or feedback answers attached to a map. */
export interface SurveyRow {
  id: string;
  workspace_id: string;
  journey_id: string;
  name: string;
  /** SurveyResponse[] as JSON. */
  responses: string;
  created_at: string;
}

/** The database as Kysely sees it. */
export interface Database
  extends AccountTables,
    ShareTables,
    WebhookActivityTables,
    WorkshopTables,
    CollectorKeyTables,
    CollectorMessageTables {
  surveys: SurveyRow;
  event_logs: EventLogRow;
  workspaces: WorkspaceRow;
  personas: PersonaRow;
  journeys: JourneyRow;
  journey_changes: JourneyChangeRow;
  journey_versions: JourneyVersionRow;
  api_tokens: ApiTokenRow;
  uploads: UploadRow;
  comment_threads: CommentThreadRow;
  comments: CommentRow;
  reviews: ReviewRow;
  notifications: NotificationRow;
  pain_links: PainLinkRow;
}
