import type { EmotionScale } from "../../domain/index.ts";
import "./data.css";
import { DataEmotionBand } from "../../render/DataEmotionBand.tsx";
import type { EmotionLayout } from "../../render/emotion-geometry.ts";
import { useSurveyOverlay } from "./survey-store.ts";

/**
 * The survey-backed emotion curve laid over the emotion lane, when the user turned it on for this
 * map in the Data panel. Receives the lane's stages, scale and layout so it lines up with the
 * assumed curve.
 */
export function DataEmotionOverlay({
  mapId,
  stages,
  scale,
  layout,
}: {
  mapId: string;
  stages: readonly { id: string }[];
  scale: Pick<EmotionScale, "min" | "max">;
  layout: EmotionLayout;
}) {
  const { results, visible, mapId: of } = useSurveyOverlay();
  if (!visible || !results || of !== mapId) return null;
  const byStage = new Map(results.stages.map((s) => [s.stageId as string, s.emotion]));
  const estimates = stages.map((s) => byStage.get(s.id) ?? null);
  if (!estimates.some(Boolean)) return null;
  return (
    <div className="data-emotion-overlay">
      <DataEmotionBand scale={scale} layout={layout} estimates={estimates} />
      <span className="data-emotion-legend" aria-hidden="true">
        ┈ from surveys, with 95 % band
      </span>
    </div>
  );
}
