import { parse } from "csv-parse/sync";
import { detectDelimiter } from "../../analytics/import/delimiter.ts";
import type { RowError } from "../../analytics/model.ts";
import {
  SURVEY_CONNECTORS,
  type SURVEY_TOOL_CHOICES,
  surveyAnswers,
} from "../../domain/connectors/surveys.ts";
import { WaylineError } from "../../domain/index.ts";
import { type SurveyResponse, SurveyResponseSchema } from "../../domain/journey-data/index.ts";

/** Invalid answers reported before an import gives up. */
export const SURVEY_ERROR_LIMIT = 100;
/** Most answers in one survey file. */
export const MAX_SURVEY_ROWS = 200_000;

/** One rejected answer: where it is and why (the same shape as an event log's invalid row). */
export type SurveyRowError = RowError;

/** Column names accepted for each field (lower case, spaces and dashes as underscores). */
const ALIASES: Record<keyof SurveyResponse, string[]> = {
  caseId: ["case_id", "caseid", "case", "customer_id", "user_id", "respondent_id", "case:concept:name"],
  stage: ["stage", "journey_stage", "step"],
  touchpoint: ["touchpoint", "activity", "event", "channel_touchpoint"],
  metric: ["metric", "survey", "type", "kind"],
  score: ["score", "rating", "value", "answer"],
  comment: ["comment", "comments", "feedback", "text", "verbatim"],
};

const norm = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");

function columnMap(headers: readonly string[]): Partial<Record<keyof SurveyResponse, string>> {
  const out: Partial<Record<keyof SurveyResponse, string>> = {};
  for (const [field, names] of Object.entries(ALIASES) as [keyof SurveyResponse, string[]][]) {
    const found = headers.find((h) => names.includes(norm(h)));
    if (found) out[field] = found;
  }
  return out;
}

/** How a survey file is read. */
export interface SurveyReadOptions {
  /** Stage the whole survey is about, for exports without a stage or touchpoint column. */
  stage?: string;
  /**
   * Survey tool whose export this is: `auto` (default) detects it from the header rows, `none`
   * reads the long form (one answer per row), a name reads the file as that tool's export even
   * when detection does not recognise it (an export variant, renamed columns).
   */
  tool?: SurveyToolChoice;
}

/** Values of the `tool` option. */
export type SurveyToolChoice = (typeof SURVEY_TOOL_CHOICES)[number];

/** A survey tool's export (Qualtrics, SurveyMonkey, Typeform) as answer records, or null. */
function fromSurveyTool(
  body: string,
  delimiter: string,
  fileName: string,
  o: SurveyReadOptions,
): { records: { line: number; row: Record<string, unknown> }[]; tool: string } | null {
  const head = parse(body.slice(0, 256_000), {
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    to_line: 3,
  }) as string[][];
  const wanted = o.tool ?? "auto";
  if (wanted === "none") return null;
  const tool =
    wanted === "auto"
      ? SURVEY_CONNECTORS.find((c) => c.detect(head))
      : SURVEY_CONNECTORS.find((c) => c.name === wanted);
  if (!tool) return null;
  const rows = parse(body, { delimiter, relax_column_count: true, skip_empty_lines: true }) as string[][];
  const answers = surveyAnswers(tool, rows, o.stage);
  if ("error" in answers)
    throw new WaylineError("invalid_request", `${fileName}: ${answers.error}`, { field: "stage" });
  return { records: answers, tool: tool.label };
}

/** Records of a CSV/TSV text or a JSON array / NDJSON text, each with its 1-based line. */
function records(
  text: string,
  fileName: string,
  o: SurveyReadOptions = {},
  seen: { tool?: string } = {},
): { line: number; row: Record<string, unknown> }[] {
  const body = text.replace(/^\uFEFF/, "");
  if (/\.(json|ndjson|jsonl)$/i.test(fileName)) {
    const trimmed = body.trim();
    if (trimmed.startsWith("["))
      return (JSON.parse(trimmed) as Record<string, unknown>[]).map((row, i) => ({ line: i + 1, row }));
    return body
      .split(/\r?\n/)
      .map((l, i) => ({ l, i }))
      .filter(({ l }) => l.trim())
      .map(({ l, i }) => {
        try {
          return { line: i + 1, row: JSON.parse(l) as Record<string, unknown> };
        } catch (e) {
          throw new WaylineError(
            "invalid_request",
            `${fileName}: line ${i + 1}: not valid JSON (${(e as Error).message})`,
          );
        }
      });
  }
  const delimiter = detectDelimiter(body.slice(0, 64_000));
  const tool = fromSurveyTool(body, delimiter, fileName, o);
  if (tool) {
    seen.tool = tool.tool;
    return tool.records;
  }
  const rows = parse(body, {
    columns: true,
    delimiter,
    skip_empty_lines: true,
    relax_column_count: true,
    info: true,
  }) as {
    record: Record<string, unknown>;
    info: { lines: number };
  }[];
  return rows.map((r) => ({ line: r.info.lines, row: r.record }));
}

function toResponse(row: Record<string, unknown>, cols: Partial<Record<keyof SurveyResponse, string>>) {
  const get = (f: keyof SurveyResponse) => (cols[f] === undefined ? undefined : row[cols[f] as string]);
  const text = (v: unknown) =>
    v === undefined || v === null || String(v).trim() === "" ? null : String(v).trim();
  const score = get("score");
  return {
    caseId: text(get("caseId")),
    stage: text(get("stage")),
    touchpoint: text(get("touchpoint")),
    metric: text(get("metric"))?.toLowerCase(),
    score:
      typeof score === "number"
        ? score
        : score === undefined || String(score).trim() === ""
          ? undefined
          : Number(score),
    comment: text(get("comment")) ?? "",
  };
}

/**
 * Parses survey answers; every invalid row is reported with its line, column and reason, up to
 * the error limit, where the import stops. Nothing is returned unless parsing finished.
 */
export function parseSurvey(
  text: string,
  fileName: string,
  o: SurveyReadOptions = {},
): { responses: SurveyResponse[]; errors: SurveyRowError[]; tool?: string } {
  let recs: { line: number; row: Record<string, unknown> }[];
  const seen: { tool?: string } = {};
  try {
    recs = records(text, fileName, o, seen);
  } catch (e) {
    if (e instanceof WaylineError) throw e;
    throw new WaylineError("invalid_request", `${fileName}: cannot read (${(e as Error).message})`);
  }
  if (recs.length > MAX_SURVEY_ROWS)
    throw new WaylineError("payload_too_large", `${fileName}: more than ${MAX_SURVEY_ROWS} answers`);
  const cols = columnMap(Object.keys(recs[0]?.row ?? {}));
  const missing = (["metric", "score"] as const).filter((f) => !cols[f]);
  if (missing.length || (!cols.stage && !cols.touchpoint))
    throw new WaylineError(
      "invalid_request",
      `${fileName}: needs columns metric, score and stage or touchpoint; found ${Object.keys(recs[0]?.row ?? {}).join(", ") || "none"}`,
    );
  const responses: SurveyResponse[] = [];
  const errors: SurveyRowError[] = [];
  for (const { line, row } of recs) {
    const r = SurveyResponseSchema.safeParse(toResponse(row, cols));
    if (r.success) {
      responses.push(r.data);
      continue;
    }
    const issue = r.error.issues[0];
    const field = issue?.path[0] as keyof SurveyResponse | undefined;
    errors.push({
      line,
      ...(field && cols[field] ? { column: cols[field] } : {}),
      reason: issue?.message ?? "invalid",
    });
    if (errors.length > SURVEY_ERROR_LIMIT)
      throw new WaylineError(
        "invalid_request",
        `${fileName}: more than ${SURVEY_ERROR_LIMIT} invalid answers; first: line ${errors[0]?.line}: ${errors[0]?.reason}`,
        { errors: errors.slice(0, 20) },
      );
  }
  if (responses.length === 0)
    throw new WaylineError("invalid_request", `${fileName}: no valid answers`, {
      errors: errors.slice(0, 20),
    });
  return { responses, errors, ...(seen.tool ? { tool: seen.tool } : {}) };
}
