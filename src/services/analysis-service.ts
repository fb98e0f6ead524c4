import type { SummaryFormat } from "../contract/analysis.ts";
import {
  buildSummary,
  compareMaps,
  detectPatterns,
  findMomentsOfTruth,
  findQuickWins,
  prioritizePainPoints,
  runHealthCheck,
  toHtml,
  toMarkdown,
} from "../domain/analysis/index.ts";
import {
  type JourneyMap,
  type MapId,
  newId,
  type Persona,
  SUMMARY_FORMATS,
  WaylineError,
} from "../domain/index.ts";
import type { UnitOfWork } from "../storage/store.ts";
import type { JourneyService, JourneyView } from "./journey-service.ts";
import type { SettingsService } from "./settings-service.ts";

export type { SummaryFormat };

/** A rendered file: its bytes and media type. */
export interface RenderedFile {
  body: string | Buffer;
  contentType: string;
  extension: string;
}

/** Analysis use cases: health check, insights, summary, future state and comparison. */
export class AnalysisService {
  constructor(
    private readonly store: UnitOfWork,
    private readonly journeys: JourneyService,
    private readonly settings: SettingsService,
    private readonly clock: () => string = () => new Date().toISOString(),
  ) {}

  private today(): string {
    return this.clock().slice(0, 10);
  }

  /** The health report of a map with the workspace's settings. */
  async check(ws: string, id: string) {
    const { map } = await this.journeys.get(ws, id);
    const { health } = await this.settings.get(ws);
    const counterpartExists = map.counterpartId
      ? !!(await this.store.journeys.get(ws, map.counterpartId))
      : undefined;
    const ctx = { today: this.today(), ...(counterpartExists === undefined ? {} : { counterpartExists }) };
    return runHealthCheck(map, health, ctx);
  }

  /** Emotion patterns, moments of truth, prioritised pain points and quick wins. */
  async insights(ws: string, id: string) {
    const { map } = await this.journeys.get(ws, id);
    const { model } = (await this.settings.get(ws)).priority;
    return {
      patterns: detectPatterns(map),
      momentsOfTruth: findMomentsOfTruth(map),
      priorityModel: model,
      painPoints: prioritizePainPoints(map, { model }).map(({ card, ...rest }) => ({
        ...rest,
        cardId: card.id,
        text: card.text,
        fields: card.fields,
      })),
      quickWins: findQuickWins(map),
    };
  }

  /** The stakeholder summary rendered as Markdown, HTML or PDF. */
  async summary(ws: string, id: string, format: SummaryFormat): Promise<RenderedFile> {
    const { map, personas } = await this.journeys.get(ws, id);
    const report = await this.check(ws, id);
    return renderSummary(map, format, this.today(), report, personas);
  }

  /**
   * Creates the future-state counterpart of a map: a copy (same stage, lane and card ids, so the
   * two compare stage by stage) of kind future_state, linked both ways. The link on the current
   * map is an ordinary `setMapProperties` batch based on the version that was copied; when it
   * fails (say, a concurrent edit of the map's properties) the copy is removed again.
   */
  async createFutureState(ws: string, id: string): Promise<JourneyView> {
    const { map, personas, version } = await this.journeys.get(ws, id);
    if (map.kind === "future_state")
      throw new WaylineError("invalid_request", "this map is already a future-state map");
    const now = this.clock();
    const future: JourneyMap = {
      ...map,
      id: newId<MapId>(),
      title: `${map.title} (future state)`.slice(0, 200),
      kind: "future_state",
      status: "draft",
      counterpartId: map.id,
      lastReviewedAt: null,
      createdAt: now,
      updatedAt: now,
    };
    const created = await this.journeys.importNative(ws, {
      format: "wayline",
      version: 1,
      exportedAt: now,
      map: future,
      personas,
    });
    try {
      await this.journeys.apply(ws, id, {
        baseVersion: version,
        commands: [{ type: "setMapProperties", patch: { counterpartId: created.map.id } }],
      });
    } catch (e) {
      await this.journeys.delete(ws, created.map.id);
      throw e;
    }
    return created;
  }

  /** Compares a map (as current state) with another (as future state). */
  async compare(ws: string, id: string, otherId: string) {
    const [current, future] = await Promise.all([this.journeys.get(ws, id), this.journeys.get(ws, otherId)]);
    return compareMaps(current.map, future.map);
  }
}

/** Renders the summary of a plain map (also used by the CLI on files). */
export async function renderSummary(
  map: JourneyMap,
  format: SummaryFormat,
  today: string,
  health?: ReturnType<typeof runHealthCheck>,
  personas?: Persona[],
): Promise<RenderedFile> {
  const s = buildSummary(map, { today, ...(health ? { health } : {}) });
  const { mime: contentType, extension } = SUMMARY_FORMATS[format];
  if (format === "md") return { body: toMarkdown(s), contentType, extension };
  if (format === "html") return { body: toHtml(s), contentType, extension };
  const { summaryToPdf } = await import("./export/summary-pdf.ts");
  return { body: await summaryToPdf(s, { map, personas: personas ?? [] }), contentType, extension };
}
