import type { AnalyticsEngine } from "../../analytics/engine.ts";
import { type CardId, type JourneyMap, newId, WaylineError } from "../../domain/index.ts";
import { stageGroups } from "../../domain/journey-data/index.ts";
import type { JourneyService, JourneyView } from "../journey-service.ts";
import type { LogLibrary } from "../logs/log-library.ts";
import { re2Regex } from "../regex/re2-regex.ts";
import {
  type Nlp,
  type Placed,
  painCommands,
  placeText,
  type QuoteCitation,
  stageThemesReport,
  type ThemesReport,
  themesNlp,
} from "./themes.ts";

/** The event attribute the Zendesk and Freshdesk connectors keep a ticket's subject and description in. */
export const TICKET_TEXT_ATTRIBUTE = "text";
/** Most tickets read per report (the first by ticket id; `truncated` says when there were more). */
export const MAX_TICKETS = 10_000;

/** A verbatim ticket text and where it is: the log, the ticket (case) and the event (1-based). */
export interface TicketQuote {
  logId: string;
  ticketId: string;
  event: number;
  text: string;
}

/** Themes of a support log's tickets on a map's stages (`comments` of a stage = its tickets). */
export interface TicketThemesReport extends ThemesReport<TicketQuote> {
  logId: string;
  logName: string;
  /** The attribute read. */
  attribute: string;
  /** Tickets placed on a stage. */
  tickets: number;
  /** True when the log had more than `MAX_TICKETS` tickets with text on the map's stages. */
  truncated: boolean;
}

const TICKET_CITATION: QuoteCitation<TicketQuote> = {
  kind: "support_log",
  unit: "tickets",
  title: (q) => `support log ${q.logId}, ticket ${q.ticketId}, event ${q.event}`,
  text: (q) => q.text,
};

/**
 * The ticket themes of a loaded log on a map's stages (the service on a stored log, the CLI on a
 * file). `invalid_request` when no event carries the attribute.
 */
export async function ticketThemesOn(
  engine: AnalyticsEngine,
  map: Pick<JourneyMap, "stages" | "activityRules">,
  log: { logId: string; logName: string; attribute?: string | undefined },
  nlp: Nlp,
): Promise<TicketThemesReport> {
  const attribute = log.attribute ?? TICKET_TEXT_ATTRIBUTE;
  const activities = (await engine.activityDurations()).activities.map((a) => a.activity);
  const groups = stageGroups(map, activities, re2Regex);
  const probe = activities.length
    ? await engine.stageAttributeCases({ attribute, stages: [{ key: "all", activities }], limit: 1 })
    : { cases: [] };
  if (probe.cases.length === 0)
    throw new WaylineError(
      "invalid_request",
      `log "${log.logName}" has no ticket text: no event carries the attribute "${attribute}" (the Zendesk and Freshdesk connectors keep subject and description in "${TICKET_TEXT_ATTRIBUTE}")`,
    );
  const placed = groups.length
    ? await engine.stageAttributeCases({ attribute, stages: groups, limit: MAX_TICKETS })
    : { cases: [], truncated: false };
  const perStage = new Map<string, Placed<TicketQuote>[]>();
  for (const c of placed.cases) {
    const quote = { logId: log.logId, ticketId: c.caseId, event: c.event, text: c.value };
    perStage.set(c.key, [...(perStage.get(c.key) ?? []), placeText(c.value, quote, nlp)]);
  }
  return {
    ...stageThemesReport(map, perStage),
    logId: log.logId,
    logName: log.logName,
    attribute,
    tickets: placed.cases.length,
    truncated: placed.truncated,
  };
}

/**
 * Themes from support tickets: each ticket of a linked log is placed on the stage of its first
 * event (timestamp, then file order) that the map's activity rules place and that carries the
 * ticket text, where the request arises; then key phrases, sentiment and quotes as for survey
 * comments (themes.ts).
 */
export class TicketThemeService {
  constructor(
    private readonly journeys: JourneyService,
    private readonly logs: LogLibrary,
    private readonly nlp: () => Promise<Nlp> = themesNlp,
  ) {}

  /** The themes of a log's tickets on a map's stages. `invalid_request` when the log has no ticket text. */
  async themes(
    ws: string,
    mapId: string,
    logId: string,
    attribute: string = TICKET_TEXT_ATTRIBUTE,
  ): Promise<TicketThemesReport> {
    const { map } = await this.journeys.get(ws, mapId);
    const log = await this.logs.get(ws, logId);
    const nlp = await this.nlp();
    return this.logs.query(ws, logId, (e) =>
      ticketThemesOn(e, map, { logId, logName: log.name, attribute }, nlp),
    );
  }

  /**
   * "Suggest as pain point" for a ticket theme: a pain card on its stage (reach = share of the
   * stage's tickets mentioning it, its quotes as support-log evidence, observed). `not_found` when
   * the stage has no such theme.
   */
  async suggestPain(
    ws: string,
    mapId: string,
    input: { logId: string; stageId: string; phrase: string; attribute?: string | undefined },
  ): Promise<{ view: JourneyView; cardId: string }> {
    const report = await this.themes(ws, mapId, input.logId, input.attribute);
    const stage = report.stages.find((s) => s.stageId === input.stageId);
    const theme = stage?.themes.find((t) => t.phrase === input.phrase);
    if (!stage || !theme)
      throw new WaylineError("not_found", `no ticket theme "${input.phrase}" on stage "${input.stageId}"`);
    const current = await this.journeys.get(ws, mapId);
    const commands = painCommands(current.map, stage, theme, newId<CardId>(), TICKET_CITATION);
    const { view } = await this.journeys.apply(ws, mapId, { baseVersion: current.version, commands });
    return { view, cardId: (commands.find((c) => c.type === "addCard") as { id: string }).id };
  }
}
