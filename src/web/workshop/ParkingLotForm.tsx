import { StickyNote } from "lucide-react";
import { useState } from "react";
import type { JourneyMap } from "../../domain/index.ts";
import { WORKSHOP_LIMITS } from "../../domain/workshop/limits.ts";
import { ToolLabel } from "../ui/ToolLabel.tsx";
import { workshopApi } from "./workshop-api.ts";
import { act } from "./workshop-store.ts";

/** A sticky note for the map's "Parking lot" lane, in a stage of the participant's choice. */
export function ParkingLotForm({ map }: { map: JourneyMap }) {
  const stages = [...map.stages].sort((a, b) => (a.order < b.order ? -1 : 1));
  const [text, setText] = useState("");
  const [stageId, setStageId] = useState("");
  const [added, setAdded] = useState(0);
  return (
    <section aria-label="Parking lot">
      <h3>Parking lot</h3>
      <form
        className="form"
        onSubmit={async (e) => {
          e.preventDefault();
          const stage = stageId || stages[0]?.id;
          if (await act((id) => workshopApi.note(id, text.trim(), stage))) {
            setText("");
            setAdded((n) => n + 1);
          }
        }}
      >
        <label>
          Note
          <textarea
            required
            rows={2}
            maxLength={WORKSHOP_LIMITS.noteText}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </label>
        <label>
          Stage
          <select value={stageId || stages[0]?.id || ""} onChange={(e) => setStageId(e.target.value)}>
            {stages.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="btn" disabled={stages.length === 0}>
          <ToolLabel icon={StickyNote}>Add to parking lot</ToolLabel>
        </button>
        {added > 0 ? (
          <span className="muted" role="status">
            {added === 1 ? "Note added" : `${added} notes added`}
          </span>
        ) : null}
      </form>
    </section>
  );
}
