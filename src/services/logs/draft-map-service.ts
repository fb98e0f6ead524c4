import type { JourneyMap } from "../../domain/index.ts";
import {
  buildMap,
  type DraftMap,
  draftMap,
  draftStages,
  touchpointQuery,
} from "../../domain/journey-data/index.ts";
import type { JourneyService, JourneyView } from "../journey-service.ts";
import type { LogLibrary } from "./log-library.ts";

/** Most variants read for a draft (the same bound as the data overlay). */
const MAX_VARIANTS = 100_000;

/** What the reviewer may change before the draft becomes a map. */
export interface DraftReview {
  /** Map title. */
  title?: string | undefined;
  /** New stage names by proposed stage id. */
  stageNames?: Record<string, string> | undefined;
  /** Attribute holding the channel (default: the first of `CHANNEL_ATTRIBUTES` the log carries). */
  channel?: string | undefined;
}

/** A proposed map (not saved) with what it was made from. */
export interface DraftProposal {
  logId: string;
  logName: string;
  /** The map as it would be created. */
  map: JourneyMap;
  draft: DraftMap;
}

/** Drafts a current-state map from an imported workspace log; saves it only when asked. */
export class DraftMapService {
  constructor(
    private readonly journeys: JourneyService,
    private readonly logs: LogLibrary,
    private readonly clock: () => string = () => new Date().toISOString(),
  ) {}

  /** The proposal: nothing is written. */
  async propose(ws: string, logId: string, review: DraftReview = {}): Promise<DraftProposal> {
    const log = await this.logs.get(ws, logId);
    const variants = await this.logs.query(ws, logId, (e) => e.variants({ top: MAX_VARIANTS }));
    const dfg = await this.logs.query(ws, logId, (e) => e.dfg());
    const now = this.clock();
    const input = { logId, logName: log.name, stats: log.stats, variants, dfg };
    const opts = { today: now.slice(0, 10), ...definedOnly(review) };
    const { stages } = draftStages(input, opts);
    const channels = await this.logs.query(ws, logId, (e) =>
      e.stageAttributeMix(touchpointQuery(stages, review.channel)),
    );
    const draft = draftMap({ ...input, channels }, opts);
    return { logId, logName: log.name, map: buildMap(draft.title, draft.commands, now), draft };
  }

  /** Creates the reviewed draft as a map of the workspace (through JourneyService). */
  async save(ws: string, logId: string, review: DraftReview = {}): Promise<JourneyView> {
    const { draft } = await this.propose(ws, logId, review);
    return this.journeys.createFromCommands(
      ws,
      { title: draft.title, kind: "current_state" },
      draft.commands,
    );
  }
}

function definedOnly(r: DraftReview): { title?: string; stageNames?: Record<string, string> } {
  return {
    ...(r.title !== undefined ? { title: r.title } : {}),
    ...(r.stageNames !== undefined ? { stageNames: r.stageNames } : {}),
  };
}
