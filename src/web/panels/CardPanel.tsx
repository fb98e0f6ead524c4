// biome-ignore-all lint/a11y/noLabelWithoutControl: CommitInput renders its <input>/<textarea> inside the label
import type { Card, Confidence, MapCommand } from "../../domain/index.ts";
import { LANE_TYPES } from "../../domain/index.ts";
import { useEditor, useSession } from "../editor/session-context.ts";
import { CommitInput } from "../ui/CommitInput.tsx";
import { EvidenceEditor } from "./EvidenceEditor.tsx";
import { TypedFields } from "./TypedFields.tsx";

const COLORS = ["#e5484d", "#f76b15", "#ffc53d", "#46a758", "#0090ff", "#8e4ec6", "#d6409f", "#8d8d8d"];

/** Side panel of the selected card: text, colour, confidence, typed fields, evidence, delete. */
export function CardPanel() {
  const session = useSession();
  const id = useEditor((s) => s.selectedCardId);
  const card = useEditor((s) => s.map.cards.find((c) => c.id === id));
  const lane = useEditor((s) => s.map.lanes.find((l) => l.id === card?.laneId));
  const stage = useEditor((s) => s.map.stages.find((x) => x.id === card?.stageId));
  const close = () => session.store.setState({ panel: null, selectedCardId: null });
  if (!card)
    return (
      <aside className="side-panel" aria-label="Card details">
        <PanelHead title="Card" onClose={close} />
        <p className="muted">Select a card to edit its details.</p>
      </aside>
    );
  const update = (patch: Omit<Extract<MapCommand, { type: "updateCard" }>, "type" | "id">) =>
    session.dispatch([{ type: "updateCard", id: card.id, ...patch }]);
  return (
    <aside className="side-panel" aria-label="Card details">
      <PanelHead title={lane ? LANE_TYPES[lane.type].label : "Card"} onClose={close} />
      <p className="muted panel-where">
        {lane?.name} · {stage?.name}
      </p>
      <div className="form">
        <label>
          Text
          <CommitInput
            multiline
            rows={4}
            value={card.text}
            onCommit={(text) => update({ text })}
            aria-label="Card text (panel)"
          />
        </label>
        <ColorPicker card={card} onPick={(color) => update({ color })} />
        <label>
          Confidence
          <select
            value={card.confidence}
            onChange={(e) => update({ confidence: e.target.value as Confidence })}
          >
            <option value="assumed">Assumed</option>
            <option value="observed">Observed</option>
            <option value="validated">Validated</option>
          </select>
        </label>
        <TypedFields card={card} onFields={(fields) => update({ fields })} />
        <EvidenceEditor card={card} />
        <button
          type="button"
          className="btn danger"
          onClick={() => {
            session.dispatch([{ type: "deleteCard", id: card.id }]);
            close();
          }}
        >
          Delete card
        </button>
      </div>
    </aside>
  );
}

/** Title bar of a side panel. */
export function PanelHead({ title, onClose }: { title: string; onClose: () => void }) {
  return (
    <header className="panel-head">
      <h2>{title}</h2>
      <button type="button" className="btn ghost" aria-label="Close panel" onClick={onClose}>
        ✕
      </button>
    </header>
  );
}

function ColorPicker({ card, onPick }: { card: Card; onPick: (c: string | null) => void }) {
  return (
    <fieldset className="swatches">
      <legend>Colour</legend>
      <button
        type="button"
        className={`swatch none${card.color === null ? " on" : ""}`}
        aria-label="No colour"
        aria-pressed={card.color === null}
        onClick={() => onPick(null)}
      />
      {COLORS.map((c) => (
        <button
          key={c}
          type="button"
          className={`swatch${card.color === c ? " on" : ""}`}
          style={{ background: c }}
          aria-label={`Colour ${c}`}
          aria-pressed={card.color === c}
          onClick={() => onPick(c)}
        />
      ))}
    </fieldset>
  );
}
