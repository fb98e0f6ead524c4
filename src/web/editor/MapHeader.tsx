import {
  type MapKind,
  MapKindSchema,
  type MapStatus,
  MapStatusSchema,
  type Persona,
} from "../../domain/index.ts";
import { DiscussionTools } from "../comments/DiscussionTools.tsx";
import { KIND_LABELS, STATUS_LABELS } from "../labels.ts";
import { Avatar } from "../ui/Avatar.tsx";
import { CommitInput } from "../ui/CommitInput.tsx";
import { useMapHeaderDetails } from "./map-header-store.ts";
import { useEditor, useSession } from "./session-context.ts";
import { PHONE_QUERY, useMediaQuery } from "./useMediaQuery.ts";

/**
 * Inline-editable map properties: title, kind, status, personas, goal statement and metric, and
 * the discussion tools. On phones it is one line — title and Comments; the other tools sit in the
 * toolbar's "More tools" menu, whose "Map details" unfolds kind, status, personas and goal here.
 */
export function MapHeader() {
  const phone = useMediaQuery(PHONE_QUERY);
  const details = useMapHeaderDetails((s) => s.open);
  const session = useSession();
  const title = useEditor((s) => s.map.title);
  const kind = useEditor((s) => s.map.kind);
  const status = useEditor((s) => s.map.status);
  const goal = useEditor((s) => s.map.goal);
  const personaIds = useEditor((s) => s.map.personaIds);
  const personas = useEditor((s) => s.personas);
  const patch = (p: Record<string, unknown>) => session.dispatch([{ type: "setMapProperties", patch: p }]);
  const attached = personaIds.map((id) => personas.find((p) => p.id === id)).filter((p) => !!p);
  const folded = phone && !details;
  return (
    <section className={phone ? "map-header phone" : "map-header"} aria-label="Map properties">
      <CommitInput
        className="title-input"
        aria-label="Map title"
        value={title}
        onCommit={(v) => v.trim() && patch({ title: v.trim() })}
      />
      {phone ? <DiscussionTools part="comments" /> : null}
      {folded ? null : (
        <MapDetails
          kind={kind}
          status={status}
          goal={goal}
          attached={attached}
          patch={patch}
          openPersonas={() => session.store.setState({ panel: "personas" })}
        />
      )}
      {phone ? null : <DiscussionTools />}
    </section>
  );
}

/** Kind, status, personas and the goal: the header's second part (folded away on phones). */
function MapDetails({
  kind,
  status,
  goal,
  attached,
  patch,
  openPersonas,
}: {
  kind: MapKind;
  status: MapStatus;
  goal: { statement: string; metric: string; target: string };
  attached: Persona[];
  patch: (p: Record<string, unknown>) => void;
  openPersonas: () => void;
}) {
  return (
    <>
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
        onClick={openPersonas}
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
    </>
  );
}
