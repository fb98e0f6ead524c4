import type { EmotionSeries } from "../../render/EmotionCurve.tsx";
import type { EmotionLayout } from "../../render/emotion-geometry.ts";
import { PatternMarkers } from "./PatternMarkers.tsx";
import { useAnalysis } from "./useAnalysis.ts";
import "./analysis.css";

/** Pattern markers of the open map's latest analysis, laid over the emotion lane. */
export function EmotionPatternOverlay(props: {
  stages: readonly { id: string; name: string }[];
  series: readonly EmotionSeries[];
  layout: Pick<EmotionLayout, "columnWidth">;
}) {
  const patterns = useAnalysis((s) => s.insights?.patterns ?? null);
  return patterns?.length ? <PatternMarkers {...props} patterns={patterns} /> : null;
}
