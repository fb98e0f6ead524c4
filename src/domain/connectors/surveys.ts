/**
 * Survey exports (Qualtrics, SurveyMonkey, Typeform): one row per respondent, one column per
 * question. Turned into survey answers in the long form the survey import reads (`case_id`,
 * `stage`, `touchpoint`, `metric`, `score`, `comment`): each rating question whose text says what
 * it measures becomes one answer — "recommend" → NPS, "easy"/"effort" → CES, "satisfied"/"rate"
 * → CSAT; the first open question ("why", "comment", "feedback", "anything else", Qualtrics
 * `…_TEXT`) is every answer's comment. The stage comes from a column the survey tool filled
 * (embedded data, hidden field, custom data: `stage`, `journey_stage`, `touchpoint`) or, when the
 * file has none, from the stage the user names at import. Pure: no I/O.
 */
import { norm } from "./connector.ts";

/** One answer row in the survey import's long form. */
export interface SurveyAnswerRow {
  line: number;
  row: Record<string, unknown>;
}

export interface SurveyConnector {
  name: "qualtrics" | "surveymonkey" | "typeform";
  label: string;
  exportedFrom: string;
  /** Whether the first rows (header and the tool's extra header rows) are this tool's export. */
  detect(rows: readonly string[][]): boolean;
  /** Column labels (question texts) and where the respondents start (0-based row index). */
  layout(rows: readonly string[][]): { ids: string[]; texts: string[]; firstRow: number };
}

const ids = (rows: readonly string[][]) => rows[0] ?? [];

export const qualtrics: SurveyConnector = {
  name: "qualtrics",
  label: "Qualtrics survey export",
  exportedFrom: "Qualtrics: Data & Analysis → Export & Import → Export data → CSV (numeric values)",
  detect: (rows) =>
    ids(rows).some((h) => norm(h) === "responseid") && (rows[2]?.[0] ?? "").trim().startsWith('{"ImportId"'),
  // Row 1: column ids (Q1, Q2_TEXT …), row 2: question texts, row 3: import ids.
  layout: (rows) => ({ ids: ids(rows), texts: rows[1] ?? [], firstRow: 3 }),
};

export const surveymonkey: SurveyConnector = {
  name: "surveymonkey",
  label: "SurveyMonkey survey export",
  exportedFrom: "SurveyMonkey: Analyze Results → Save as → Export file → All responses data → CSV",
  detect: (rows) =>
    ids(rows).some((h) => norm(h) === "respondentid") && ids(rows).some((h) => norm(h) === "collectorid"),
  // Row 1: question texts (empty for a question's further columns), row 2: "Response", options.
  layout: (rows) => {
    const head = ids(rows);
    const sub = rows[1] ?? [];
    let question = "";
    const texts = head.map((h, i) => {
      if (h.trim() !== "") question = h;
      const s = (sub[i] ?? "").trim();
      const generic = s === "" || /^(response|open-ended response)$/i.test(s);
      return h.trim() !== "" && generic ? h : `${question}${generic ? "" : ` — ${s}`}`;
    });
    return { ids: texts, texts, firstRow: 2 };
  },
};

export const typeform: SurveyConnector = {
  name: "typeform",
  label: "Typeform responses export",
  exportedFrom: "Typeform: Results → Responses → Download all responses → CSV",
  detect: (rows) =>
    ids(rows).some((h) => /^submit date \(utc\)$/i.test(h.trim())) &&
    ids(rows).some((h) => h.trim() === "#" || norm(h) === "networkid"),
  layout: (rows) => ({ ids: ids(rows), texts: ids(rows), firstRow: 1 }),
};

export const SURVEY_CONNECTORS: readonly SurveyConnector[] = [qualtrics, surveymonkey, typeform];

/** The metric a rating question measures, from its text; null for other questions. */
export function questionMetric(text: string): "nps" | "ces" | "csat" | null {
  if (/recommend|\bnps\b|net promoter/i.test(text)) return "nps";
  if (/\beas(y|ier|e)\b|effort|difficult|hassle/i.test(text)) return "ces";
  if (/satisf|how (would you )?rate|rating|happy with|\bcsat\b/i.test(text)) return "csat";
  return null;
}

const OPEN = /\bwhy\b|comment|feedback|anything else|tell us|reason|suggest|improve/i;
const CASE_NAMES = ["case_id", "customer_id", "user_id", "externalreference", "email", "email_address"];
const STAGE_NAMES = ["stage", "journey_stage", "journeystage", "step"];
const TOUCHPOINT_NAMES = ["touchpoint", "channel_touchpoint"];
const RESPONDENT_NAMES = ["responseid", "respondentid", "#", "token"];

/** Satisfaction labels some exports write instead of numbers (5-point, English). */
const LABELS: Readonly<Record<string, number>> = {
  "very dissatisfied": 1,
  "extremely dissatisfied": 1,
  dissatisfied: 2,
  "somewhat dissatisfied": 2,
  neutral: 3,
  "neither satisfied nor dissatisfied": 3,
  satisfied: 4,
  "somewhat satisfied": 4,
  "very satisfied": 5,
  "extremely satisfied": 5,
};

/** A rating cell as a number: "9", "10 - Extremely likely", "Very satisfied"; undefined if empty. */
export function ratingOf(cell: string): number | string | undefined {
  const t = cell.trim();
  if (t === "") return undefined;
  const lead = /^(-?\d+(?:\.\d+)?)\b/.exec(t);
  if (lead) return Number(lead[1]);
  return LABELS[t.toLowerCase()] ?? t;
}

const findColumn = (names: readonly string[], wanted: readonly string[]) =>
  names.findIndex((n) => wanted.map(norm).includes(norm(n)) || wanted.includes(n.trim()));

/**
 * The answers of a survey export in long form, or an error naming what is missing. `stage` is
 * the stage the whole survey is about, used when the file has no stage or touchpoint column.
 */
export function surveyAnswers(
  c: SurveyConnector,
  rows: readonly string[][],
  stage: string | undefined,
): SurveyAnswerRow[] | { error: string } {
  const { ids: names, texts, firstRow } = c.layout(rows);
  const stageCol = findColumn(names, STAGE_NAMES);
  const touchCol = findColumn(names, TOUCHPOINT_NAMES);
  if (stageCol < 0 && touchCol < 0 && !stage)
    return {
      error: `a ${c.label} has no stage column (embedded data or hidden field "stage" or "touchpoint"): choose the stage the survey is about`,
    };
  const caseCol = findColumn(names, CASE_NAMES);
  const respondentCol = findColumn(names, RESPONDENT_NAMES);
  const rating = texts.flatMap((t, i) => {
    const m = questionMetric(t);
    return m && i !== stageCol && i !== touchCol ? [{ i, metric: m }] : [];
  });
  if (rating.length === 0)
    return {
      error: `no rating question found (a question about recommending → NPS, ease/effort → CES, satisfaction/rating → CSAT)`,
    };
  const openCol = texts.findIndex((t, i) => OPEN.test(t) || /_TEXT$/.test(names[i] ?? ""));
  const out: SurveyAnswerRow[] = [];
  rows.slice(firstRow).forEach((cells, k) => {
    const line = firstRow + k + 1;
    // The customer id the tool carried (links answers to the event log's cases), else the response.
    const caseId = (cells[caseCol] ?? "").trim() || (cells[respondentCol] ?? "").trim() || `row ${line}`;
    for (const q of rating) {
      const score = ratingOf(cells[q.i] ?? "");
      if (score === undefined) continue;
      out.push({
        line,
        row: {
          case_id: caseId,
          stage: stageCol >= 0 ? cells[stageCol] : touchCol >= 0 ? undefined : stage,
          touchpoint: touchCol >= 0 ? cells[touchCol] : undefined,
          metric: q.metric,
          score,
          comment: openCol >= 0 ? (cells[openCol] ?? "") : "",
        },
      });
    }
  });
  return out;
}

/** Values of the survey import's `tool` option: detect (`auto`), the long form (`none`) or a tool by name. */
export const SURVEY_TOOL_CHOICES = [
  "auto",
  "none",
  "qualtrics",
  "surveymonkey",
  "typeform",
] as const satisfies readonly ("auto" | "none" | SurveyConnector["name"])[];
