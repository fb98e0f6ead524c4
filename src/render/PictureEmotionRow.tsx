import type { ReactNode } from "react";
import { type JourneyMap, neutralOf, type Persona, type PictureOverlay } from "../domain/index.ts";
import { DataEmotionBand } from "./DataEmotionBand.tsx";
import { EmotionCurve, type EmotionSeries, type PointArgs } from "./EmotionCurve.tsx";
import { columnX, curveSamples, levelScale } from "./emotion-geometry.ts";
import { type Font, Label } from "./PictureLabel.tsx";
import { faceIcon } from "./picture-icons.tsx";
import { PICTURE } from "./picture-layout.ts";
import type { PictureTheme } from "./picture-theme.ts";
import { layoutReasons, REASON, type ReasonBox } from "./reason-layout.ts";
import { emotionSeries } from "./series.ts";

/** Where the reasons of an emotion lane go (no two overlap, none crosses the neutral line). */
export function emotionReasons(
  map: JourneyMap,
  series: readonly EmotionSeries[],
  height: number,
): ReturnType<typeof layoutReasons> {
  const layout = { columnWidth: PICTURE.columnWidth, height, pad: PICTURE.emotionPad };
  const { y } = levelScale(map.emotionScale, layout);
  const points = series.flatMap((s, si) =>
    s.points.flatMap((p, i) =>
      p ? [{ key: `${si}-${i}`, x: columnX(i, layout), y: y(p.value), reason: p.reason }] : [],
    ),
  );
  // The same points the curves are drawn through (runs without a point are skipped, as drawn).
  const curves = series.flatMap((s) =>
    curveSamples(
      s.points.flatMap((p, i) => (p ? [[columnX(i, layout), y(p.value)] as [number, number]] : [])),
    ),
  );
  return layoutReasons(
    points,
    {
      width: map.stages.length * PICTURE.columnWidth,
      height,
      neutralY: y(neutralOf(map.emotionScale)),
      maxWidth: PICTURE.columnWidth - 24,
    },
    curves,
  );
}

function pointRenderer(
  map: JourneyMap,
  theme: PictureTheme,
  font: Font,
  reasons: ReadonlyMap<string, ReasonBox>,
) {
  const range = map.emotionScale.max - map.emotionScale.min;
  return ({ x, y, value, series, seriesIndex, stageIndex }: PointArgs): ReactNode => {
    if (value === null) return null;
    const Face = faceIcon((value - map.emotionScale.min) / range);
    const box = reasons.get(`${seriesIndex}-${stageIndex}`);
    return (
      <>
        <circle cx={x} cy={y} r={5} fill={series.color} />
        <Face x={x - 9} y={y - 29} width={18} height={18} color={series.color} />
        {box ? (
          <Label
            x={box.x + box.w / 2}
            y={box.baseline}
            lines={box.lines}
            size={REASON.size}
            lineHeight={REASON.lineHeight}
            fill={theme.muted}
            font={font}
            anchor="middle"
          />
        ) : null}
      </>
    );
  };
}

/** The emotion lane: the curve of each series with faces and reasons, and the survey band. */
export function PictureEmotionRow({
  map,
  personas,
  personaId,
  height,
  theme,
  font,
  overlay,
}: {
  map: JourneyMap;
  personas: Persona[];
  personaId: string | null;
  height: number;
  theme: PictureTheme;
  font: Font;
  overlay: PictureOverlay | undefined;
}) {
  const series = emotionSeries(map, personas, personaId);
  const reasons = new Map(emotionReasons(map, series, height).boxes.map((b) => [b.key, b]));
  const layout = { columnWidth: PICTURE.columnWidth, height, pad: PICTURE.emotionPad };
  const estimates = map.stages.map((s) => overlay?.stages[s.id]?.emotion ?? null);
  return (
    <>
      {estimates.some(Boolean) ? (
        <DataEmotionBand
          scale={map.emotionScale}
          layout={layout}
          estimates={estimates}
          label="Emotion measured by surveys"
        />
      ) : null}
      <EmotionCurve
        scale={map.emotionScale}
        series={series}
        stageCount={map.stages.length}
        layout={layout}
        renderPoint={pointRenderer(map, theme, font, reasons)}
      />
    </>
  );
}
