import type { EmotionScale } from "../../domain/index.ts";
import { type EmotionLayout, levelScale } from "../../render/emotion-geometry.ts";
import { faceIcon } from "../../render/picture-icons.tsx";
import { levelTone } from "./EmotionHandle.tsx";

/** Levels whose label is drawn: all of them when there is room, else every other one plus both ends. */
export function axisLevels(scale: Pick<EmotionScale, "min" | "max">, layout: EmotionLayout): number[] {
  const count = scale.max - scale.min + 1;
  const gap = (layout.height - 2 * layout.pad) / Math.max(1, count - 1);
  const every = gap >= 15 ? 1 : Math.ceil(15 / gap);
  const out: number[] = [];
  for (let v = scale.max; v >= scale.min; v--)
    if ((scale.max - v) % every === 0 || v === scale.min) out.push(v);
  return out;
}

/**
 * The emotion lane's axis, drawn in its sticky lane header at the chart's own heights: a face
 * (SVG icon) and the level's label for each level, coloured positive / neutral / negative.
 */
export function EmotionAxis({ scale, layout }: { scale: EmotionScale; layout: EmotionLayout }) {
  const { y } = levelScale(scale, layout);
  return (
    <ul className="emotion-axis" aria-label="Emotion levels">
      {axisLevels(scale, layout).map((v) => {
        const Face = faceIcon((v - scale.min) / (scale.max - scale.min));
        const label = scale.levels.find((l) => l.value === v)?.label || String(v);
        return (
          <li key={v} className={`axis-level level-${levelTone(scale, v)}`} style={{ top: y(v) - 8 }}>
            <span className="axis-label">{label}</span>
            <Face size={13} aria-hidden="true" />
          </li>
        );
      })}
    </ul>
  );
}
