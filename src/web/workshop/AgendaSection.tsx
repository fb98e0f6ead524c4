import { ArrowDown, ArrowUp, Flag, Trash2 } from "lucide-react";
import { useState } from "react";
import type { SessionView } from "../../contract/workshop.ts";
import { workshopApi } from "./workshop-api.ts";
import { act } from "./workshop-store.ts";

/** The agenda: the current step for everyone; adding, ordering and marking steps for facilitators. */
export function AgendaSection({ session, facilitate }: { session: SessionView; facilitate: boolean }) {
  const [title, setTitle] = useState("");
  const { steps, currentStepId } = session.agenda;
  const current = steps.find((s) => s.id === currentStepId);
  return (
    <section aria-label="Agenda">
      <h3>Agenda</h3>
      <p className="workshop-now">
        Now: <strong>{current ? current.title : "no step yet"}</strong>
      </p>
      <ol className="workshop-agenda">
        {steps.map((s, i) => (
          <li
            key={s.id}
            className={s.id === currentStepId ? "current" : ""}
            aria-current={s.id === currentStepId ? "step" : undefined}
          >
            <span>{s.title}</span>
            {facilitate ? (
              <span className="workshop-row">
                <button
                  type="button"
                  className="btn ghost"
                  aria-label={`Make “${s.title}” the current step`}
                  disabled={s.id === currentStepId}
                  onClick={() => act((id) => workshopApi.agenda(id, { op: "current", stepId: s.id }))}
                >
                  <Flag size={14} aria-hidden="true" />
                </button>
                <button
                  type="button"
                  className="btn ghost"
                  aria-label={`Move “${s.title}” up`}
                  disabled={i === 0}
                  onClick={() => act((id) => workshopApi.agenda(id, { op: "move", stepId: s.id, to: i - 1 }))}
                >
                  <ArrowUp size={14} aria-hidden="true" />
                </button>
                <button
                  type="button"
                  className="btn ghost"
                  aria-label={`Move “${s.title}” down`}
                  disabled={i === steps.length - 1}
                  onClick={() => act((id) => workshopApi.agenda(id, { op: "move", stepId: s.id, to: i + 1 }))}
                >
                  <ArrowDown size={14} aria-hidden="true" />
                </button>
                <button
                  type="button"
                  className="btn ghost"
                  aria-label={`Remove “${s.title}”`}
                  onClick={() => act((id) => workshopApi.agenda(id, { op: "remove", stepId: s.id }))}
                >
                  <Trash2 size={14} aria-hidden="true" />
                </button>
              </span>
            ) : null}
          </li>
        ))}
      </ol>
      {facilitate ? (
        <form
          className="workshop-row"
          onSubmit={async (e) => {
            e.preventDefault();
            if (await act((id) => workshopApi.agenda(id, { op: "add", title: title.trim() }))) setTitle("");
          }}
        >
          <label>
            New step
            <input required maxLength={120} value={title} onChange={(e) => setTitle(e.target.value)} />
          </label>
          <button type="submit" className="btn">
            Add step
          </button>
        </form>
      ) : null}
    </section>
  );
}
