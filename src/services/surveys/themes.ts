import Sentiment from "sentiment";
import type { ItemSentence, ItemToken } from "wink-nlp";
import {
  type CardId,
  type EvidenceId,
  type EvidenceLink,
  type JourneyMap,
  type LaneId,
  type MapCommand,
  newId,
  type StageId,
  WaylineError,
} from "../../domain/index.ts";
import { type SurveyResponse, surveyPlacer } from "../../domain/journey-data/index.ts";
import type { UnitOfWork } from "../../storage/store.ts";
import type { JourneyService, JourneyView } from "../journey-service.ts";
import { re2Regex } from "../regex/re2-regex.ts";

/** A verbatim comment and where it is: the survey and its 1-based response number. */
export interface Quote {
  surveyId: string;
  row: number;
  text: string;
}

/** A recurring key phrase of a stage's comments (`Q`: where a quote comes from). */
export interface Theme<Q = Quote> {
  /** Lemmatised phrase: a content word or two adjacent ones (a pair hides a word it always comes with). */
  phrase: string;
  /** Comments mentioning it. */
  count: number;
  /** count / comments of the stage. */
  share: number;
  /** Mean AFINN comparative sentiment of those comments. */
  sentiment: number;
  /** Up to 3 verbatim comments. */
  quotes: Q[];
}

/** Themes of one stage. */
export interface StageThemes<Q = Quote> {
  stageId: StageId;
  stageName: string;
  /** Answers with a comment placed on the stage. */
  comments: number;
  /** Phrases in at least 2 comments, most frequent first (ties: phrase). */
  themes: Theme<Q>[];
  /** Share of the stage's comments that mention its top theme (routine, similar requests). */
  routineShare: number;
}

/** Themes per stage and the automation candidates among them. */
export interface ThemesReport<Q = Quote> {
  stages: StageThemes<Q>[];
  /** Stages whose top theme covers ≥ 30 % of ≥ 5 comments: suggestions for the bot hand-off lane. */
  automationCandidates: { stageId: StageId; stageName: string; phrase: string; share: number }[];
}

/** The key-phrase reader (wink-nlp). */
export type Nlp = { phrases: (text: string) => string[] };
let nlp: Promise<Nlp> | null = null;

/** wink-nlp with its English model, loaded once on first use (the model takes a second to read). */
function loadNlp(): Promise<Nlp> {
  nlp ??= (async () => {
    const [{ default: winkNLP }, { default: model }] = await Promise.all([
      import("wink-nlp"),
      import("wink-eng-lite-web-model"),
    ]);
    const w = winkNLP(model);
    const its = w.its;
    // Content words (not stop words) as lemmas; a phrase is one of them or two adjacent ones.
    return {
      phrases: (text) => {
        const out: string[] = [];
        w.readDoc(text)
          .sentences()
          .each((sentence: ItemSentence) => {
            const words: (string | null)[] = [];
            sentence.tokens().each((t: ItemToken) => {
              const keep =
                t.out(its.type) === "word" &&
                !t.out(its.stopWordFlag) &&
                CONTENT.has(t.out(its.pos) as string);
              words.push(
                keep ? (t.out(its.lemma as unknown as typeof its.normal) as string).toLowerCase() : null,
              );
            });
            words.forEach((x, i) => {
              if (!x) return;
              out.push(x);
              const next = words[i + 1];
              if (next) out.push(`${x} ${next}`);
            });
          });
        return out;
      },
    };
  })();
  return nlp;
}

const analyzer = new Sentiment();
const CONTENT = new Set(["NOUN", "PROPN", "ADJ", "VERB"]);
const MIN_COUNT = 2;

/** A text placed on a stage: its quote, AFINN sentiment and key phrases. */
export interface Placed<Q = Quote> {
  quote: Q;
  sentiment: number;
  phrases: Set<string>;
}

/** Reads one text's phrases and sentiment. */
export function placeText<Q>(text: string, quote: Q, nlp: Nlp): Placed<Q> {
  return { quote, sentiment: analyzer.analyze(text).comparative, phrases: new Set(nlp.phrases(text)) };
}

const words = (p: string) => p.split(" ").length;

function themesOf<Q>(rows: readonly Placed<Q>[]): Theme<Q>[] {
  const by = new Map<string, Placed<Q>[]>();
  for (const r of rows) for (const p of r.phrases) by.set(p, [...(by.get(p) ?? []), r]);
  return [...by]
    .filter(([, rs]) => rs.length >= MIN_COUNT)
    .map(([phrase, rs]) => ({
      phrase,
      count: rs.length,
      share: rs.length / rows.length,
      sentiment: rs.reduce((s, r) => s + r.sentiment, 0) / rs.length,
      quotes: rs.slice(0, 3).map((r) => r.quote),
    }))
    .sort((a, b) => b.count - a.count || words(b.phrase) - words(a.phrase) || (a.phrase < b.phrase ? -1 : 1))
    .filter(
      (t, _i, all) =>
        !all.some(
          (o) =>
            o !== t &&
            o.count === t.count &&
            words(o.phrase) > words(t.phrase) &&
            o.phrase.split(" ").includes(t.phrase),
        ),
    );
}

/** Themes from text: key phrases of survey comments per stage (wink-nlp), with sentiment and quotes. */
export class ThemeService {
  constructor(
    private readonly store: UnitOfWork,
    private readonly journeys: JourneyService,
  ) {}

  /**
   * "Suggest as pain point": a pain card on the theme's stage (reach = share of the stage's
   * comments mentioning it, its quotes as survey evidence, observed), in the map's first pain
   * lane or a new one. `not_found` when the stage has no such theme.
   */
  async suggestPain(
    ws: string,
    mapId: string,
    input: { stageId: string; phrase: string; surveyId?: string | undefined },
  ): Promise<{ view: JourneyView; cardId: string }> {
    const report = await this.themes(ws, mapId, input.surveyId);
    const stage = report.stages.find((s) => s.stageId === input.stageId);
    const theme = stage?.themes.find((t) => t.phrase === input.phrase);
    if (!stage || !theme)
      throw new WaylineError("not_found", `no theme "${input.phrase}" on stage "${input.stageId}"`);
    const current = await this.journeys.get(ws, mapId);
    const commands = painCommands(current.map, stage, theme, newId<CardId>());
    const { view } = await this.journeys.apply(ws, mapId, { baseVersion: current.version, commands });
    return { view, cardId: (commands.find((c) => c.type === "addCard") as { id: string }).id };
  }

  /** Themes of every survey of the map (or one). */
  async themes(ws: string, mapId: string, surveyId?: string): Promise<ThemesReport> {
    const { map } = await this.journeys.get(ws, mapId);
    const surveys = (await this.store.surveys.listForJourney(ws, mapId)).filter(
      (s) => !surveyId || s.id === surveyId,
    );
    return themesReport(map, surveys, await loadNlp());
  }
}

/** The report for given surveys (exported for tests on fixed data). */
export function themesReport(
  map: JourneyMap,
  surveys: readonly { id: string; responses: readonly SurveyResponse[] }[],
  nlp: Nlp,
): ThemesReport {
  // Touchpoints match the activity rules on RE2, like everywhere on the server (no ReDoS).
  const place = surveyPlacer(map, re2Regex);
  const perStage = new Map<string, Placed[]>();
  for (const s of surveys)
    s.responses.forEach((r, i) => {
      const stage = r.comment.trim() ? place(r) : null;
      if (!stage) return;
      const placed = placeText(r.comment, { surveyId: s.id, row: i + 1, text: r.comment }, nlp);
      perStage.set(stage, [...(perStage.get(stage) ?? []), placed]);
    });
  return stageThemesReport(map, perStage);
}

/** Themes per stage of placed texts (by stage id) and the automation candidates among them. */
export function stageThemesReport<Q>(
  map: Pick<JourneyMap, "stages">,
  perStage: ReadonlyMap<string, Placed<Q>[]>,
): ThemesReport<Q> {
  const stages = map.stages.map((st): StageThemes<Q> => {
    const rows = perStage.get(st.id) ?? [];
    const themes = themesOf(rows);
    return {
      stageId: st.id,
      stageName: st.name,
      comments: rows.length,
      themes,
      routineShare: themes[0]?.share ?? 0,
    };
  });
  const automationCandidates = stages
    .filter((s) => s.comments >= 5 && s.routineShare >= 0.3)
    .sort((a, b) => b.routineShare - a.routineShare)
    .map((s) => ({
      stageId: s.stageId,
      stageName: s.stageName,
      phrase: s.themes[0]?.phrase as string,
      share: s.routineShare,
    }));
  return { stages, automationCandidates };
}

/** Exposed for tests: the shared wink-nlp instance. */
export const themesNlp = loadNlp;

/** How a pain card cites its quotes: the evidence kind, the unit counted, each quote's title and text. */
export interface QuoteCitation<Q> {
  kind: EvidenceLink["kind"];
  /** What the stage's texts are ("comments", "tickets"). */
  unit: string;
  title: (q: Q) => string;
  text: (q: Q) => string;
}

const SURVEY_CITATION: QuoteCitation<Quote> = {
  kind: "survey",
  unit: "comments",
  title: (q) => `survey ${q.surveyId}, response ${q.row}`,
  text: (q) => q.text,
};

/** Commands adding the pain card of a theme (and a pain lane when the map has none). */
export function painCommands<Q = Quote>(
  map: JourneyMap,
  stage: StageThemes<Q>,
  theme: Theme<Q>,
  cardId: CardId,
  cite: QuoteCitation<Q> = SURVEY_CITATION as unknown as QuoteCitation<Q>,
): MapCommand[] {
  const lane = map.lanes.find((l) => l.type === "pain_points");
  const laneId = lane?.id ?? (`pain-themes-${cardId}`.slice(0, 64) as LaneId);
  const out: MapCommand[] = lane ? [] : [{ type: "addLane", id: laneId, laneType: "pain_points" }];
  const pct = Math.round(theme.share * 1000) / 10;
  const text = `“${theme.phrase}”: ${theme.count} of ${stage.comments} ${cite.unit} (${pct} %) at ${stage.stageName}`;
  const reach = Math.round(theme.share * 1000) / 1000;
  out.push({
    type: "addCard",
    id: cardId,
    laneId,
    stageId: stage.stageId,
    text,
    confidence: "observed",
    fields: { reach },
  } as MapCommand);
  theme.quotes.forEach((q, i) =>
    out.push({
      type: "addEvidence",
      cardId,
      evidence: {
        id: `${cardId}-q${i + 1}`.slice(0, 64) as EvidenceId,
        kind: cite.kind,
        title: cite.title(q).slice(0, 300),
        url: null,
        date: null,
        note: cite.text(q).slice(0, 2000),
      },
    }),
  );
  return out;
}
