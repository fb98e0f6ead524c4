import { useState } from "react";
import { type MapKind, MapKindSchema } from "../../domain/index.ts";
import { newId } from "../../domain/model/ids.ts";
import {
  blankMapCommands,
  LANE_SETS,
  laneSet,
  type PresetStage,
  parseStageNames,
  STAGE_PRESETS,
  stagePreset,
} from "../../domain/templates/presets.ts";
import { api } from "../api/client.ts";
import { KIND_LABELS } from "../labels.ts";
import { Dialog } from "../ui/Dialog.tsx";
import { LaneSetPicker, PASTE, StagePresetPicker } from "./StartPickers.tsx";

/** The stages (and phases) chosen in the dialog, or the reason the pasted list is not usable. */
function chosenStages(preset: string, pasted: string) {
  if (preset !== PASTE) {
    const p = stagePreset(preset);
    return { stages: [...p.stages], phases: [...p.phases], error: null };
  }
  try {
    return { stages: parseStageNames(pasted), phases: [], error: null };
  } catch (e) {
    return { stages: [] as PresetStage[], phases: [], error: (e as Error).message };
  }
}

/**
 * Creates a blank map ready to fill: a title and kind, a stage preset (or pasted names) and a lane
 * set. The map is created and then built with ordinary map commands (the one write path).
 */
export function NewMapDialog({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const [title, setTitle] = useState("");
  const [kind, setKind] = useState<MapKind>("current_state");
  const [preset, setPreset] = useState<string>(STAGE_PRESETS[0]?.id ?? PASTE);
  const [pasted, setPasted] = useState("");
  const [lanes, setLanes] = useState<string>(LANE_SETS[0]?.id ?? "minimal");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const chosen = chosenStages(preset, pasted);
  const create = async (e: React.FormEvent) => {
    e.preventDefault();
    if (chosen.error) return setError(chosen.error);
    setBusy(true);
    try {
      const map = await api.createBlank(title.trim() || "Untitled journey", kind);
      const commands = blankMapCommands(chosen.stages, chosen.phases, laneSet(lanes).lanes, () => newId());
      await api.applyCommands(map.id, map.version, commands);
      onCreated(map.id);
    } catch (err) {
      setError((err as Error).message);
      setBusy(false);
    }
  };
  return (
    <Dialog title="New blank map" onClose={onClose} wide>
      <form onSubmit={create} className="form new-map-form">
        <div className="new-map-row">
          <label>
            Title
            <input
              autoFocus
              value={title}
              onChange={(e) => setTitle(e.target.value)}
              placeholder="Untitled journey"
            />
          </label>
          <label>
            Kind
            <select value={kind} onChange={(e) => setKind(e.target.value as MapKind)}>
              {MapKindSchema.options.map((k) => (
                <option key={k} value={k}>
                  {KIND_LABELS[k]}
                </option>
              ))}
            </select>
          </label>
        </div>
        <StagePresetPicker value={preset} onChange={setPreset} pasted={pasted} onPaste={setPasted} />
        {preset === PASTE && pasted.trim() && chosen.error ? (
          <p className="error" id="pasted-stages-error">
            {chosen.error}
          </p>
        ) : null}
        <LaneSetPicker value={lanes} onChange={setLanes} />
        <p className="muted new-map-summary" aria-live="polite">
          {chosen.error
            ? "Paste the stage names, one per line."
            : `${chosen.stages.length} stages × ${laneSet(lanes).lanes.length} lanes`}
        </p>
        {error ? (
          <p className="error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="btn primary" disabled={busy || Boolean(chosen.error)}>
            {busy ? "Creating…" : "Create map"}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
