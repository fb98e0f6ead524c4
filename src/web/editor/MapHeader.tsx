import { type MapKind, MapKindSchema, type MapStatus, MapStatusSchema } from "../../domain/index.ts";
import { DiscussionTools } from "../comments/DiscussionTools.tsx";
import { KIND_LABELS, STATUS_LABELS } from "../labels.ts";
import { Avatar } from "../ui/Avatar.tsx";
import { CommitInput } from "../ui/CommitInput.tsx";
import { useEditor, useSession } from "./session-context.ts";

/** Inline-editable map properties: title, kind, status, personas, goal statement and metric. */
export function MapHeader() {
  const session = useSession();
  const title = useEditor((s) => s.map.title);
  const kind = useEditor((s) => s.map.kind);
  const status = useEditor((s) => s.map.status);
  const goal = useEditor((s) => s.map.goal);
  const personaIds = useEditor((s) => s.map.personaIds);
  const personas = useEditor((s) => s.personas);
  const patch = (p: Record<string, unknown>) => session.dispatch([{ type: "setMapProperties", patch: p }]);
  const attached = personaIds.map((id) => personas.find((p) => p.id === id)).filter((p) => !!p);
  return (
    <section className="map-header" aria-label="Map properties">
      <CommitInput
        className="title-input"
        aria-label="Map title"
        value={title}
        onCommit={(v) => v.trim() && patch({ title: v.trim() })}
      />
      <select aria-label="Map kind" value={kind} onChange={(e) => patch({ kind: e.target.value as MapKind })}>
        {MapKindSchema.options.map((k) => (
          <option key={k} value={k}>
            {KIND_LABELS[k]}
          </option>
        ))}
      </select>
      <select
        aria-label="Status"
        value={status}
        onChange={(e) => patch({ status: e.target.value as MapStatus })}
      >
        {MapStatusSchema.options.map((k) => (
          <option key={k} value={k}>
            {STATUS_LABELS[k]}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="persona-stack"
        aria-label={`Personas: ${attached.map((p) => p.name).join(", ") || "none"}`}
        onClick={() => session.store.setState({ panel: "personas" })}
      >
        {attached.length ? (
          attached.map((p) => <Avatar key={p.id} persona={p} size={26} />)
        ) : (
          <span className="muted">+ Persona</span>
        )}
      </button>
      <div className="goal">
        <CommitInput
          aria-label="Goal statement"
          placeholder="Goal: what should change for the business?"
          value={goal.statement}
          onCommit={(v) => patch({ goal: { statement: v } })}
        />
        <CommitInput
          className="goal-metric"
          aria-label="Goal metric"
          placeholder="Measured by…"
          value={goal.metric}
          onCommit={(v) => patch({ goal: { metric: v } })}
        />
        <CommitInput
          className="goal-target"
          aria-label="Goal target"
          placeholder="Target"
          value={goal.target}
          onCommit={(v) => patch({ goal: { target: v } })}
        />
      </div>
      <DiscussionTools />
    </section>
  );
}
