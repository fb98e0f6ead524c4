import { LANE_TYPES } from "../../domain/index.ts";
import { LANE_SETS, STAGE_PRESETS } from "../../domain/templates/presets.ts";

/** Value of the stage picker meaning "my own names, pasted". */
export const PASTE = "paste";

/** Radio cards of the classic stage sets (with their stage names) and a "paste my own" option. */
export function StagePresetPicker({
  value,
  onChange,
  pasted,
  onPaste,
}: {
  value: string;
  onChange: (id: string) => void;
  pasted: string;
  onPaste: (text: string) => void;
}) {
  return (
    <fieldset className="preset-picker">
      <legend>Stages</legend>
      {STAGE_PRESETS.map((p) => (
        <label key={p.id} className={value === p.id ? "preset selected" : "preset"}>
          <input
            type="radio"
            name="stage-preset"
            value={p.id}
            checked={value === p.id}
            onChange={() => onChange(p.id)}
          />
          <span className="preset-text">
            <strong>{p.label}</strong>
            <span className="muted">{p.stages.map((s) => s.name).join(" → ")}</span>
          </span>
        </label>
      ))}
      <label className={value === PASTE ? "preset selected" : "preset"}>
        <input
          type="radio"
          name="stage-preset"
          value={PASTE}
          checked={value === PASTE}
          onChange={() => onChange(PASTE)}
        />
        <span className="preset-text">
          <strong>My own stages</strong>
          <span className="muted">Paste or type the names, one per line.</span>
        </span>
      </label>
      {value === PASTE ? (
        <textarea
          className="pasted-stages"
          aria-label="Stage names, one per line"
          aria-describedby="pasted-stages-error"
          rows={6}
          value={pasted}
          onChange={(e) => onPaste(e.target.value)}
          placeholder={"Discover\nCompare\nBuy\nUse"}
        />
      ) : null}
    </fieldset>
  );
}

/** Radio cards of the lane sets, listing the lanes each brings. */
export function LaneSetPicker({ value, onChange }: { value: string; onChange: (id: string) => void }) {
  return (
    <fieldset className="preset-picker">
      <legend>Lanes</legend>
      {LANE_SETS.map((l) => (
        <label key={l.id} className={value === l.id ? "preset selected" : "preset"}>
          <input
            type="radio"
            name="lane-set"
            value={l.id}
            checked={value === l.id}
            onChange={() => onChange(l.id)}
          />
          <span className="preset-text">
            <strong>{l.label}</strong>
            <span className="muted">
              {l.lanes.map((x) => x.name ?? LANE_TYPES[x.type].label).join(" · ")}
            </span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
