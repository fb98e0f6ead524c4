// biome-ignore-all lint/a11y/noLabelWithoutControl: CommitInput renders its <input>/<textarea> inside the label
// biome-ignore-all lint/a11y/useSemanticElements: the map is an ARIA grid laid out with CSS grid (rows are display:contents), which <table> cannot do with sticky headers and spanning SVG lanes
// biome-ignore-all lint/a11y/useFocusableInteractive: grid rows and cells take focus through roving arrow-key navigation, not the tab order
// biome-ignore-all lint/a11y/noStaticElementInteractions: cards and headers are focusable ARIA widgets with keyboard handlers
// biome-ignore-all lint/a11y/noNoninteractiveTabindex: grid cells and headers are focus targets of the grid's keyboard navigation
import type { EmotionSeries } from "../../render/EmotionCurve.tsx";
import { CommitInput } from "../ui/CommitInput.tsx";
import { useEditor, useSession } from "./session-context.ts";

/** Which point is being edited. */
export interface PointRef {
  personaId: string | null;
  stageIndex: number;
}

/** Edits one emotion point's level, emoji and reason, or clears it. */
export function EmotionPointEditor({
  at,
  series,
  onClose,
}: {
  at: PointRef;
  series: EmotionSeries[];
  onClose: () => void;
}) {
  const session = useSession();
  const stage = useEditor((s) => s.map.stages[at.stageIndex]);
  const scale = useEditor((s) => s.map.emotionScale);
  const s = series.find((x) => x.personaId === at.personaId);
  const point = s?.points[at.stageIndex] ?? null;
  if (!stage || !s) return null;
  const base = { personaId: at.personaId as never, stageId: stage.id };
  const set = (patch: { value?: number; emoji?: string | null; reason?: string }) =>
    session.dispatch([{ type: "setEmotion", ...base, value: patch.value ?? point?.value ?? 0, ...patch }]);
  const levels = Array.from({ length: scale.max - scale.min + 1 }, (_, i) => scale.min + i);
  return (
    <div className="point-editor" role="group" aria-label={`Edit emotion at ${stage.name}`}>
      <strong>
        {stage.name}
        {series.length > 1 ? ` · ${s.name}` : ""}
      </strong>
      <label>
        Level
        <select value={point?.value ?? ""} onChange={(e) => set({ value: Number(e.target.value) })}>
          {point ? null : <option value="">Not set</option>}
          {levels.map((v) => (
            <option key={v} value={v}>
              {v} {scale.levels.find((l) => l.value === v)?.label ?? ""}
            </option>
          ))}
        </select>
      </label>
      <label>
        Emoji
        <CommitInput
          value={point?.emoji ?? ""}
          placeholder="level's"
          maxLength={16}
          size={5}
          disabled={!point}
          onCommit={(v) => set({ emoji: v || null })}
        />
      </label>
      <label className="grow">
        Reason
        <CommitInput
          value={point?.reason ?? ""}
          maxLength={300}
          placeholder="Why they feel this way"
          disabled={!point}
          onCommit={(v) => set({ reason: v })}
        />
      </label>
      {point ? (
        <button
          type="button"
          className="btn small"
          onClick={() => session.dispatch([{ type: "clearEmotion", ...base }])}
        >
          Clear point
        </button>
      ) : null}
      <button type="button" className="btn small" onClick={onClose}>
        Done
      </button>
    </div>
  );
}
