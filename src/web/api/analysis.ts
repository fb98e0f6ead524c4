import type {
  HealthFinding,
  MapComparison,
  MomentOfTruth,
  PainPriority,
  PatternFinding,
  QuickWin,
  Severity,
} from "../../domain/analysis/index.ts";
import { api } from "./client.ts";
import type { MapView } from "./types.ts";

/** `GET /api/journeys/:id/check`: the health report. */
export interface HealthReportView {
  /** 0–100. */
  score: number;
  /** Findings per severity. */
  counts: Record<Severity, number>;
  /** Every finding, in rule order. */
  findings: HealthFinding[];
}

/** A prioritised pain point as the insights endpoint answers it (the card flattened). */
export type PainPointView = Omit<PainPriority, "card"> & {
  /** The pain-point card. */
  cardId: string;
  /** The card's text. */
  text: string;
  /** Its typed pain fields. */
  fields: PainPriority["card"]["fields"];
};

/** `GET /api/journeys/:id/insights`. */
export interface InsightsView {
  /** Emotion-curve patterns. */
  patterns: PatternFinding[];
  /** Moments of truth. */
  momentsOfTruth: MomentOfTruth[];
  /** Pain points, highest priority first. */
  painPoints: PainPointView[];
  /** High-priority pain points with a low-effort idea. */
  quickWins: QuickWin[];
}

/** Formats of the stakeholder summary. */
export type SummaryFormat = "md" | "html" | "pdf";

const base = (id: string) => `/api/journeys/${encodeURIComponent(id)}`;

async function getJson<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(path, init);
  const data = await res.json().catch(() => null);
  if (!res.ok)
    throw new Error(
      (data as { error?: { message?: string } } | null)?.error?.message ?? `${res.status} ${res.statusText}`,
    );
  return data as T;
}

/** Typed client of the analysis endpoints (docs/api.md). */
export const analysisApi = {
  check: (id: string) => getJson<HealthReportView>(`${base(id)}/check`),
  insights: (id: string) => getJson<InsightsView>(`${base(id)}/insights`),
  /** The summary as text (md or html). */
  summaryText: async (id: string, format: "md" | "html") => {
    const res = await fetch(`${base(id)}/summary?format=${format}`);
    if (!res.ok) throw new Error(`summary: ${res.status} ${res.statusText}`);
    return res.text();
  },
  /** URL that downloads the summary as a file. */
  summaryDownloadUrl: (id: string, format: SummaryFormat) => `${base(id)}/summary?format=${format}&download`,
  createFutureState: (id: string) =>
    getJson<MapView>(`${base(id)}/future-state`, {
      method: "POST",
      // A JSON request type makes the POST pre-flighted; the server refuses simple cross-site POSTs.
      headers: { "content-type": "application/json" },
    }),
  compare: (id: string, otherId: string) =>
    getJson<MapComparison>(`${base(id)}/compare/${encodeURIComponent(otherId)}`),
  getJourney: api.getJourney,
};
