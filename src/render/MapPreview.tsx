import { type JourneyMap, LANE_TYPES, type Persona } from "../domain/index.ts";
import { EmotionCurve } from "./EmotionCurve.tsx";
import { emotionSeries } from "./series.ts";

const COL = 112;

/** A small read-only picture of a map: stages, the first card of each cell, the emotion curve. */
export function MapPreview({ map, personas }: { map: JourneyMap; personas: Persona[] }) {
  const first = new Map<string, string>();
  for (const c of map.cards) {
    const k = `${c.laneId}|${c.stageId}`;
    if (!first.has(k)) first.set(k, c.text);
  }
  const cols = `120px repeat(${map.stages.length}, ${COL}px)`;
  return (
    <div className="preview" aria-hidden="true">
      <div className="preview-grid" style={{ gridTemplateColumns: cols }}>
        <div className="preview-corner" />
        {map.stages.map((s) => (
          <div key={s.id} className="preview-stage">
            {s.name}
          </div>
        ))}
        {map.lanes.map((l) => (
          <div key={l.id} className="preview-row" style={{ display: "contents" }}>
            <div className="preview-lane">{l.name || LANE_TYPES[l.type].label}</div>
            {l.type === "emotion" ? (
              <div style={{ gridColumn: `2 / span ${map.stages.length}` }}>
                <EmotionCurve
                  scale={map.emotionScale}
                  series={emotionSeries(map, personas)}
                  stageCount={map.stages.length}
                  layout={{ columnWidth: COL, height: 70, pad: 10 }}
                  renderPoint={({ x, y, value, series }) =>
                    value === null ? null : <circle cx={x} cy={y} r={3} fill={series.color} />
                  }
                />
              </div>
            ) : (
              map.stages.map((s) => (
                <div key={s.id} className="preview-cell">
                  {first.get(`${l.id}|${s.id}`) ?? ""}
                </div>
              ))
            )}
          </div>
        ))}
      </div>
    </div>
  );
}
