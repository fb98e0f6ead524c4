import { emotionCurves } from "../analysis/curve.ts";
import type { HealthConfig } from "../analysis/health/config.ts";
import { runHealthCheck } from "../analysis/health/run.ts";
import type { PersonaId } from "../model/ids.ts";
import type { JourneyMap } from "../model/journey-map.ts";
import { mapAttention } from "../portfolio/attention.ts";

/** What the health rules need besides the map. */
export interface FiguresContext {
  /** Today as YYYY-MM-DD. */
  today: string;
  /** The workspace's resolved health settings. */
  config: HealthConfig;
  /** Whether the map's counterpart still exists (unknown when absent). */
  counterpartExists?: boolean;
}

/** The at-a-glance figures of one map (atlas tiles, hierarchy roll-ups). */
export interface MapFigures {
  /** Health-check score 0–100 with the workspace settings. */
  healthScore: number;
  /** Pain points still open or in progress. */
  openPainPoints: number;
  /** Cards in total. */
  cards: number;
  /** Cards backed by evidence: marked observed/validated or citing research. */
  evidenceCards: number;
  /** evidenceCards / cards (0 on a map without cards). */
  evidenceShare: number;
  /** Past its review cadence, or citing research older than the limit (the attention list's "stale"). */
  stale: boolean;
}

/** The open (open or in progress) pain points of a map. */
export function openPainPoints(map: Pick<JourneyMap, "cards">): number {
  return map.cards.filter(
    (c) => c.fields.kind === "pain" && (c.fields.status === "open" || c.fields.status === "in_progress"),
  ).length;
}

/** A card rests on data when it is observed/validated or cites research (the health rule's definition). */
export function hasEvidence(card: JourneyMap["cards"][number]): boolean {
  return card.confidence !== "assumed" || card.evidence.length > 0;
}

/** The figures of a map, from the health rules themselves (one definition of score and staleness). */
export function mapFigures(map: JourneyMap, ctx: FiguresContext): MapFigures {
  const health = runHealthCheck(map, ctx.config, ctx);
  const evidenceCards = map.cards.filter(hasEvidence).length;
  const stale = mapAttention({ ...map, status: map.status === "archived" ? "draft" : map.status }, ctx).some(
    (i) => i.kind === "review-overdue" || i.kind === "research-stale",
  );
  return {
    healthScore: health.score,
    openPainPoints: openPainPoints(map),
    cards: map.cards.length,
    evidenceCards,
    evidenceShare: map.cards.length ? evidenceCards / map.cards.length : 0,
    stale,
  };
}

/** One point of a sparkline: a stage's emotion level (null = no point there). */
export interface SparkPoint {
  /** Stage name. */
  stage: string;
  /** Level on the map's scale, or null when the persona has no point at that stage. */
  value: number | null;
}

/** An emotion sparkline: one value per stage on the map's scale. */
export interface Sparkline {
  /** Lowest level of the map's scale. */
  min: number;
  /** Highest level of the map's scale. */
  max: number;
  /** Per stage in map order; a stage with step points takes their mean. */
  points: SparkPoint[];
}

/**
 * The emotion curve of `personaId` (or, when it has none, the map's first curve) as one value
 * per stage; null when the map has no emotion points at all.
 */
export function emotionSparkline(map: JourneyMap, personaId: PersonaId | null): Sparkline | null {
  const curves = emotionCurves(map);
  const curve = curves.find((c) => c.personaId === personaId) ?? curves[0];
  if (!curve) return null;
  const points = map.stages.map((s) => {
    const values = curve.points.filter((p) => p.stageId === s.id).map((p) => p.value);
    return { stage: s.name, value: values.length ? values.reduce((a, b) => a + b, 0) / values.length : null };
  });
  return { min: map.emotionScale.min, max: map.emotionScale.max, points };
}
