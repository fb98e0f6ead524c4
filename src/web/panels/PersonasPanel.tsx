import { useEffect, useState } from "react";
import type { Persona, PersonaInput } from "../../domain/index.ts";
import { api } from "../api/client.ts";
import { useEditor, useSession } from "../editor/session-context.ts";
import { Avatar } from "../ui/Avatar.tsx";
import { PanelHead } from "./CardPanel.tsx";
import { PersonaForm } from "./PersonaForm.tsx";

/** The workspace's personas: attach/detach on this map, create and edit every field. */
export function PersonasPanel() {
  const session = useSession();
  const attachedIds = useEditor((s) => s.map.personaIds);
  const [all, setAll] = useState<Persona[] | null>(null);
  const [editing, setEditing] = useState<Persona | "new" | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.listPersonas().then(setAll, (e: Error) => setError(e.message));
  }, []);
  const close = () => session.store.setState({ panel: null });
  const remember = (p: Persona) => {
    setAll((list) => [...(list ?? []).filter((x) => x.id !== p.id), p]);
    session.store.setState((s) => ({ personas: [...s.personas.filter((x) => x.id !== p.id), p] }));
  };
  const save = async (input: PersonaInput) => {
    try {
      if (editing === "new") {
        const p = await api.createPersona(input);
        remember(p);
        session.dispatch([{ type: "attachPersona", personaId: p.id }]);
      } else if (editing) {
        const { id: _id, ...patch } = input;
        remember(await api.updatePersona(editing.id, patch));
      }
      setEditing(null);
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <aside className="side-panel wide" aria-label="Personas">
      <PanelHead title="Personas" onClose={close} />
      {error ? <p className="error">{error}</p> : null}
      {editing ? (
        <PersonaForm
          persona={editing === "new" ? null : editing}
          onSave={save}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <>
          <button type="button" className="btn primary" onClick={() => setEditing("new")}>
            New persona
          </button>
          <ul className="persona-list">
            {(all ?? []).map((p) => {
              const on = attachedIds.includes(p.id);
              return (
                <li key={p.id} className={on ? "attached" : ""}>
                  <Avatar persona={p} size={34} />
                  <div className="persona-meta">
                    <strong>{p.name}</strong>
                    <span className="muted">
                      {[p.role, p.age !== null ? `${p.age}` : "", p.location].filter(Boolean).join(" · ")}
                    </span>
                  </div>
                  <button type="button" className="btn small" onClick={() => setEditing(p)}>
                    Edit
                  </button>
                  <button
                    type="button"
                    className={on ? "btn small" : "btn small primary"}
                    onClick={() =>
                      session.dispatch([{ type: on ? "detachPersona" : "attachPersona", personaId: p.id }])
                    }
                  >
                    {on ? "Detach" : "Attach"}
                  </button>
                </li>
              );
            })}
          </ul>
          {all && all.length === 0 ? (
            <p className="muted">No personas yet. Create one to put a face on this journey.</p>
          ) : null}
        </>
      )}
    </aside>
  );
}
