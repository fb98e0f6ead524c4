import type { WorkStatus } from "../model/card.ts";
import type { CardId } from "../model/ids.ts";
import type { Goal, MapKind, MapStatus } from "../model/journey-map.ts";
import type { HealthConfig } from "./health/config.ts";
import type { HealthReport } from "./health/run.ts";
import type { HealthContext } from "./health/types.ts";

// The stakeholder summary's data, apart from the code that builds it (summary.ts) and the code
// that renders it (summary-markdown.ts, summary-html.ts), so the renderers and the builder do not
// import each other.

/** A pain point as shown to stakeholders. */
export interface SummaryPainPoint {
  /** 1-based priority rank. */
  rank: number;
  /** The pain-point card. */
  cardId: CardId;
  /** First line of its text. */
  text: string;
  /** Stage it sits in. */
  stageName: string;
  /** trivial / workaround / abandon, or null. */
  impact: string | null;
  /** Share of customers affected, or null. */
  reach: number | null;
  /** Priority score (impact weight × reach), null when unknown. */
  score: number | null;
  /** Owner of the fix, or null. */
  owner: string | null;
  /** Due date (YYYY-MM-DD), or null. */
  dueDate: string | null;
  /** open / in_progress. */
  status: WorkStatus;
  /** Due date passed while still unresolved. */
  overdue: boolean;
}

/** An opportunity (idea card) and who owns it. */
export interface SummaryOpportunity {
  /** The idea card. */
  cardId: CardId;
  /** First line of its text. */
  text: string;
  /** Stage it sits in. */
  stageName: string;
  /** low / medium / high, or null. */
  effort: string | null;
  /** Low effort or flagged as a quick win. */
  quickWin: boolean;
  /** Texts of the pain points it addresses. */
  addresses: string[];
  /** Owners of the linked pain points, else the department owning its stage. */
  ownerTeams: string[];
}

/** The whole stakeholder summary of a map. */
export interface StakeholderSummary {
  /** Map title. */
  title: string;
  /** Map kind. */
  kind: MapKind;
  /** Map status. */
  status: MapStatus;
  /** The business goal. */
  goal: Goal;
  /** Date the summary was made for (YYYY-MM-DD). */
  today: string;
  /** Health score 0–100 and finding counts. */
  health: Pick<HealthReport, "score" | "counts">;
  /** Highest-priority unresolved pain points. */
  topPainPoints: SummaryPainPoint[];
  /** Opportunities, quick wins first. */
  opportunities: SummaryOpportunity[];
  /** Every unresolved pain point as an action: earliest due date first, undated last. */
  actionPlan: SummaryPainPoint[];
  /** Actions past their due date. */
  overdue: SummaryPainPoint[];
  /** Moments of truth: stage names and why. */
  momentsOfTruth: { stageName: string; reasons: string[] }[];
}

/** Options of `buildSummary`. */
export interface SummaryOptions {
  /** Today (YYYY-MM-DD): decides what is overdue. */
  today: string;
  /** How many top pain points to list (default 5). */
  topN?: number;
  /** A health report already computed; otherwise one is run with `healthConfig`/`healthContext`. */
  health?: HealthReport;
  /** Health config when the report is computed here. */
  healthConfig?: Partial<HealthConfig>;
  /** Extra health context when the report is computed here. */
  healthContext?: Omit<HealthContext, "today">;
}
