import { useEffect, useRef, useState } from "react";
import { type MapKind, MapKindSchema } from "../../domain/index.ts";
import { api } from "../api/client.ts";
import { KIND_LABELS } from "../labels.ts";
import { Dialog } from "../ui/Dialog.tsx";

/** Creates a blank map of a kind. */
export function NewMapDialog({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const [title, setTitle] = useState("");
  const [kind, setKind] = useState<MapKind>("current_state");
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const create = (e: React.FormEvent) => {
    e.preventDefault();
    api.createBlank(title.trim() || "Untitled journey", kind).then(
      (m) => onCreated(m.id),
      (err: Error) => setError(err.message),
    );
  };
  return (
    <Dialog title="New blank map" onClose={onClose}>
      <form onSubmit={create} className="form">
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
        {error ? <p className="error">{error}</p> : null}
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="btn primary">
            Create map
          </button>
        </div>
      </form>
    </Dialog>
  );
}
