import { useEditor } from "../editor/session-context.ts";

/** Checkboxes linking an idea to the pain points it addresses. */
export function PainLinks({ linked, onChange }: { linked: string[]; onChange: (ids: string[]) => void }) {
  const cards = useEditor((s) => s.map.cards);
  const pains = cards.filter((c) => c.fields.kind === "pain");
  const stages = useEditor((s) => s.map.stages);
  if (!pains.length) return <p className="muted">No pain points on this map to link yet.</p>;
  return (
    <fieldset className="links">
      <legend>Addresses pain points</legend>
      {pains.map((p) => (
        <label key={p.id} className="check">
          <input
            type="checkbox"
            checked={linked.includes(p.id)}
            onChange={(e) =>
              onChange(e.target.checked ? [...linked, p.id] : linked.filter((x) => x !== p.id))
            }
          />
          <span>
            {p.text.split("\n")[0] || "Untitled pain point"}{" "}
            <span className="muted">({stages.find((s) => s.id === p.stageId)?.name})</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
