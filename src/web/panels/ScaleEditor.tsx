import { useState } from "react";
import { type EmotionScale, EmotionScaleSchema } from "../../domain/index.ts";
import { useEditor, useSession } from "../editor/session-context.ts";
import { PanelHead } from "./CardPanel.tsx";

/** Edits the map's emotion scale: range, label and emoji per level, and whether points convert. */
export function ScaleEditor() {
  const session = useSession();
  const scale = useEditor((s) => s.map.emotionScale);
  const [min, setMin] = useState(scale.min);
  const [max, setMax] = useState(scale.max);
  const [labels, setLabels] = useState(
    () => new Map(scale.levels.map((l) => [l.value, { label: l.label, emoji: l.emoji }])),
  );
  const [convert, setConvert] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const levels = max > min && max - min < 21 ? Array.from({ length: max - min + 1 }, (_, i) => max - i) : [];
  const setLevel = (v: number, patch: Partial<{ label: string; emoji: string }>) =>
    setLabels(new Map(labels).set(v, { label: "", emoji: "", ...labels.get(v), ...patch }));
  const apply = () => {
    const next: EmotionScale = {
      min,
      max,
      levels: levels
        .map((v) => ({ value: v, label: labels.get(v)?.label ?? "", emoji: labels.get(v)?.emoji ?? "" }))
        .reverse(),
    };
    const ok = EmotionScaleSchema.safeParse(next);
    if (!ok.success) return setError(ok.error.issues.map((i) => i.message).join("; "));
    setError(null);
    session.dispatch([{ type: "setEmotionScale", scale: ok.data, convertPoints: convert }]);
  };
  return (
    <aside className="side-panel" aria-label="Emotion scale">
      <PanelHead title="Emotion scale" onClose={() => session.store.setState({ panel: null })} />
      <div className="form">
        <div className="two-col">
          <label>
            Lowest level
            <input
              type="number"
              value={min}
              min={-10}
              max={10}
              onChange={(e) => setMin(Number(e.target.value))}
            />
          </label>
          <label>
            Highest level
            <input
              type="number"
              value={max}
              min={-10}
              max={100}
              onChange={(e) => setMax(Number(e.target.value))}
            />
          </label>
        </div>
        <table className="scale-table">
          <thead>
            <tr>
              <th scope="col">Level</th>
              <th scope="col">Label</th>
              <th scope="col">Emoji</th>
            </tr>
          </thead>
          <tbody>
            {levels.map((v) => (
              <tr key={v}>
                <td>{v}</td>
                <td>
                  <input
                    aria-label={`Label of level ${v}`}
                    value={labels.get(v)?.label ?? ""}
                    maxLength={60}
                    onChange={(e) => setLevel(v, { label: e.target.value })}
                  />
                </td>
                <td>
                  <input
                    aria-label={`Emoji of level ${v}`}
                    value={labels.get(v)?.emoji ?? ""}
                    maxLength={16}
                    size={4}
                    onChange={(e) => setLevel(v, { emoji: e.target.value })}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <label className="check">
          <input type="checkbox" checked={convert} onChange={(e) => setConvert(e.target.checked)} /> Convert
          existing points to the new range
        </label>
        {error ? <p className="error">{error}</p> : null}
        <button type="button" className="btn primary" onClick={apply}>
          Apply scale
        </button>
      </div>
    </aside>
  );
}
