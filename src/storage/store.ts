import type { Kysely } from "kysely";
import { AccountRepository } from "./accounts.ts";
import { ActivityRepository } from "./activity.ts";
import { CollectorKeyRepository } from "./collector-keys.ts";
import { CollectorMessageRepository } from "./collector-messages.ts";
import { CommentRepository } from "./comments.ts";
import { type DatabaseOptions, openDatabase } from "./database.ts";
import type { Dialect } from "./dialect.ts";
import { EventLogRepository } from "./event-logs.ts";
import { JourneyRepository } from "./journeys.ts";
import { LoginFailureRepository } from "./login-failures.ts";
import { MemberRepository } from "./members.ts";
import { NotificationRepository } from "./notifications.ts";
import { PainLinkRepository } from "./pain-links.ts";
import { PersonaRepository } from "./personas.ts";
import { ReviewRepository } from "./reviews.ts";
import type { Database } from "./schema.ts";
import { ShareLinkRepository } from "./share-links.ts";
import { SsoLoginRepository } from "./sso-logins.ts";
import { SurveyRepository } from "./surveys.ts";
import { TokenRepository } from "./tokens.ts";
import { UploadRepository } from "./uploads.ts";
import { VersionRepository } from "./versions.ts";
import { WebhookRepository } from "./webhooks.ts";
import { WorkshopRepository } from "./workshops.ts";
import { WorkspaceRepository } from "./workspaces.ts";

/** Every repository, bound to one executor (the database, or one transaction). */
export interface Repositories {
  workspaces: WorkspaceRepository;
  personas: PersonaRepository;
  journeys: JourneyRepository;
  tokens: TokenRepository;
  eventLogs: EventLogRepository;
  surveys: SurveyRepository;
  /** Users, sessions, password resets (accounts mode). */
  accounts: AccountRepository;
  /** Workspace members and invitations (accounts mode). */
  members: MemberRepository;
  versions: VersionRepository;
  /** Uploaded images (persona photos). */
  uploads: UploadRepository;
  /** Share links of maps. */
  shareLinks: ShareLinkRepository;
  /** Failed-login counters (lock-out survives a restart). */
  loginFailures: LoginFailureRepository;
  /** Single-sign-on flows in progress. */
  ssoLogins: SsoLoginRepository;
  /** Comment threads and comments. */
  comments: CommentRepository;
  /** Review requests. */
  reviews: ReviewRepository;
  /** The inbox. */
  notifications: NotificationRepository;
  /** Links between similar pain points of different maps, and dismissed suggestions. */
  painLinks: PainLinkRepository;
  /** Live-events write keys (one per workspace log, hashed). */
  collectorKeys: CollectorKeyRepository;
  /** Recent `messageId`s of each log (collector de-duplication). */
  collectorMessages: CollectorMessageRepository;
  /** Outgoing webhooks and their deliveries. */
  webhooks: WebhookRepository;
  /** The activity log of maps. */
  activity: ActivityRepository;
  /** Workshop sessions (one per map). */
  workshops: WorkshopRepository;
}

/** What services use: the repositories and a way to run several of them atomically. */
export interface UnitOfWork extends Repositories {
  /**
   * Runs `work` in one database transaction with repositories bound to it: it commits when
   * `work` resolves and rolls back when it throws (the error is rethrown). Inside `work`, use
   * only the repositories it receives: on SQLite the outer store waits for the transaction.
   */
  transaction<T>(work: (repos: Repositories) => Promise<T>): Promise<T>;
}

/** The storage of one Wayline instance: repositories over one database. */
export interface Store extends UnitOfWork {
  db: Kysely<Database>;
  dialect: Dialect;
  location: string;
  close(): Promise<void>;
}

/** The repositories over an executor (the database or a transaction). */
export function createRepositories(db: Kysely<Database>, dialect: Dialect): Repositories {
  return {
    workspaces: new WorkspaceRepository(db),
    personas: new PersonaRepository(db),
    journeys: new JourneyRepository(db, dialect),
    tokens: new TokenRepository(db),
    eventLogs: new EventLogRepository(db),
    surveys: new SurveyRepository(db),
    accounts: new AccountRepository(db),
    members: new MemberRepository(db),
    versions: new VersionRepository(db),
    uploads: new UploadRepository(db),
    shareLinks: new ShareLinkRepository(db),
    loginFailures: new LoginFailureRepository(db),
    ssoLogins: new SsoLoginRepository(db),
    comments: new CommentRepository(db),
    reviews: new ReviewRepository(db),
    notifications: new NotificationRepository(db),
    painLinks: new PainLinkRepository(db),
    collectorKeys: new CollectorKeyRepository(db),
    collectorMessages: new CollectorMessageRepository(db),
    webhooks: new WebhookRepository(db),
    activity: new ActivityRepository(db),
    workshops: new WorkshopRepository(db),
  };
}

/** Opens, migrates and prepares the store (default workspace included). */
export async function openStore(opts: DatabaseOptions & { now?: string }): Promise<Store> {
  const open = await openDatabase(opts);
  const repos = createRepositories(open.db, open.dialect);
  try {
    await repos.workspaces.ensureDefault(opts.now ?? new Date().toISOString());
  } catch (e) {
    await open.close();
    throw e;
  }
  return {
    ...open,
    ...repos,
    transaction: (work) => open.db.transaction().execute((tx) => work(createRepositories(tx, open.dialect))),
  };
}
