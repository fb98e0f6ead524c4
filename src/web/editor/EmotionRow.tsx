// biome-ignore-all lint/a11y/useSemanticElements: the map is an ARIA grid laid out with CSS grid (rows are display:contents), which <table> cannot do with sticky headers and spanning SVG lanes
// biome-ignore-all lint/a11y/useFocusableInteractive: grid rows and cells take focus through roving arrow-key navigation, not the tab order
// biome-ignore-all lint/a11y/noStaticElementInteractions: cards and headers are focusable ARIA widgets with keyboard handlers
// biome-ignore-all lint/a11y/noNoninteractiveTabindex: grid cells and headers are focus targets of the grid's keyboard navigation
import { memo, useCallback, useMemo, useState } from "react";
import { type Lane, neutralOf } from "../../domain/index.ts";
import { EmotionCurve } from "../../render/EmotionCurve.tsx";
import { levelScale } from "../../render/emotion-geometry.ts";
import { emotionSeries } from "../../render/series.ts";
import { EmotionPatternOverlay } from "../analysis/EmotionPatternOverlay.tsx";
import { EmotionCommentBadges } from "../comments/CommentBadge.tsx";
import { DataEmotionOverlay } from "../journey-data/DataEmotionOverlay.tsx";
import { EmotionAxis } from "./EmotionAxis.tsx";
import { EmotionHandle, type PointTip } from "./EmotionHandle.tsx";
import { EmotionPointEditor, type PointRef } from "./EmotionPointEditor.tsx";
import { LaneHeader } from "./LaneHeader.tsx";
import { EMOTION_HEIGHT, EMOTION_PAD, STAGE_WIDTH } from "./layout.ts";
import { useEditor } from "./session-context.ts";

const LAYOUT = { columnWidth: STAGE_WIDTH, height: EMOTION_HEIGHT, pad: EMOTION_PAD };

/** The emotion lane: a curve per persona with draggable, keyboard-operable points and a legend. */
export const EmotionRow = memo(function EmotionRow({
  lane,
  row,
  index,
  count,
}: {
  lane: Lane;
  row: number;
  index: number;
  count: number;
}) {
  const stages = useEditor((s) => s.map.stages);
  const points = useEditor((s) => s.map.emotionPoints);
  const personaIds = useEditor((s) => s.map.personaIds);
  const scale = useEditor((s) => s.map.emotionScale);
  const mapId = useEditor((s) => s.map.id);
  const personas = useEditor((s) => s.personas);
  const renaming = useEditor((s) => s.editing?.kind === "lane" && s.editing.id === lane.id);
  const [selected, setSelected] = useState<PointRef | null>(null);
  const [tip, setTipState] = useState<PointTip | null>(null);
  const setTip = useCallback((t: PointTip | null) => setTipState(t), []);
  const neutralY = levelScale(scale, LAYOUT).y(neutralOf(scale));
  const series = useMemo(
    () => emotionSeries({ stages, emotionPoints: points, personaIds }, personas, lane.personaId),
    [stages, points, personaIds, personas, lane.personaId],
  );
  const legend = (
    <ul className={series.length > 1 ? "legend" : "legend single"} aria-label="Legend">
      {series.map((s, i) => (
        <li key={s.personaId ?? "map"}>
          <svg width="22" height="8" aria-hidden="true">
            <line
              x1="0"
              x2="22"
              y1="4"
              y2="4"
              stroke={s.color}
              strokeWidth="2.5"
              strokeDasharray={i > 0 ? "6 3" : undefined}
            />
          </svg>
          {s.name}
        </li>
      ))}
    </ul>
  );
  return (
    <div
      role="row"
      className={`row emotion-row${lane.collapsed ? " collapsed" : ""}`}
      aria-rowindex={row + 1}
    >
      <LaneHeader
        lane={lane}
        index={index}
        count={count}
        renaming={renaming}
        extra={
          lane.collapsed ? null : (
            <>
              {legend}
              <EmotionAxis scale={scale} layout={LAYOUT} />
            </>
          )
        }
      />
      <div
        role="gridcell"
        className="cell emotion-cell"
        style={{ gridColumn: `2 / span ${Math.max(1, stages.length)}` }}
      >
        {lane.collapsed || stages.length === 0 ? null : (
          <>
            <div
              className="emotion-zones"
              aria-hidden="true"
              style={{ height: LAYOUT.height, "--neutral": `${neutralY}px` } as React.CSSProperties}
            />
            <EmotionCurve
              scale={scale}
              series={series}
              stageCount={stages.length}
              layout={LAYOUT}
              renderPoint={(args) => (
                <EmotionHandle
                  {...args}
                  stage={stages[args.stageIndex] as (typeof stages)[number]}
                  scale={scale}
                  layout={LAYOUT}
                  multi={series.length > 1}
                  selected={
                    selected?.personaId === args.series.personaId && selected.stageIndex === args.stageIndex
                  }
                  onSelect={() =>
                    setSelected({ personaId: args.series.personaId, stageIndex: args.stageIndex })
                  }
                  onTip={setTip}
                  row={row}
                />
              )}
            />
            <DataEmotionOverlay mapId={mapId} stages={stages} scale={scale} layout={LAYOUT} />
            {tip ? (
              <div className="emotion-tip" role="tooltip" style={{ left: tip.x, top: tip.y + 16 }}>
                <strong>{tip.title}</strong>
                {tip.level ? <span className="muted"> · {tip.level}</span> : null}
                {tip.reason ? <p>{tip.reason}</p> : null}
              </div>
            ) : null}
            <EmotionPatternOverlay stages={stages} series={series} layout={LAYOUT} />
            <EmotionCommentBadges stages={stages} />
            {selected ? (
              <EmotionPointEditor at={selected} series={series} onClose={() => setSelected(null)} />
            ) : null}
          </>
        )}
      </div>
    </div>
  );
});
