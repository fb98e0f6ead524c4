import {
  Activity,
  ArrowDownToLine,
  ArrowUpToLine,
  type LucideIcon,
  TrendingDown,
  TriangleRight,
} from "lucide-react";
import type { PatternType } from "../../domain/analysis/index.ts";

/** Severity headings of the health panel. */
export const SEVERITY_LABELS = { error: "Errors", warning: "Warnings", info: "Suggestions" } as const;

/** Short names of the emotion-curve patterns. */
export const PATTERN_LABELS: Record<PatternType, string> = {
  rapid_drop: "Rapid drop",
  trough: "Trough",
  peak: "Peak",
  sawtooth: "Sawtooth",
  sustained_low: "Sustained low",
};

/** Icon (lucide SVG) drawn before a pattern's name in a marker. */
export const PATTERN_ICONS: Record<PatternType, LucideIcon> = {
  rapid_drop: TrendingDown,
  trough: ArrowDownToLine,
  peak: ArrowUpToLine,
  sawtooth: Activity,
  sustained_low: TriangleRight,
};

/** Pain-point impact in words. */
export const IMPACT_LABELS = { trivial: "Trivial", workaround: "Workaround", abandon: "Abandon" } as const;

/** Work status in words (defined once in the domain). */
export { WORK_STATUS_LABELS as STATUS_LABELS } from "../../domain/index.ts";
