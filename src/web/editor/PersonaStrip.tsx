import { ChevronDown, ChevronUp, Quote, Target, TriangleAlert } from "lucide-react";
import { useState } from "react";
import type { Persona } from "../../domain/index.ts";
import { Avatar } from "../ui/Avatar.tsx";
import { useEditor, useSession } from "./session-context.ts";

const FOLD_KEY = "wayline.personaStrip.folded";

function readFolded(): boolean {
  try {
    return localStorage.getItem(FOLD_KEY) === "1";
  } catch {
    return false;
  }
}

/** A short list of a persona's items under a heading (at most `max`, with "+ n more"). */
function Items({
  icon,
  title,
  items,
  max = 3,
}: {
  icon: React.ReactNode;
  title: string;
  items: string[];
  max?: number;
}) {
  if (!items.length) return null;
  return (
    <div className="persona-items">
      <h3>
        {icon}
        {title}
      </h3>
      <ul>
        {items.slice(0, max).map((g) => (
          <li key={g}>{g}</li>
        ))}
        {items.length > max ? <li className="muted">+ {items.length - max} more</li> : null}
      </ul>
    </div>
  );
}

/** One persona as the strip shows it: photo or avatar, who they are, their quote, goals and frustrations. */
function PersonaCard({ persona }: { persona: Persona }) {
  const facts = [
    persona.role,
    persona.age !== null ? `${persona.age} years` : "",
    persona.location,
    persona.segment,
  ]
    .filter(Boolean)
    .join(" · ");
  return (
    <div className="persona-card">
      <Avatar persona={persona} size={52} />
      <div className="persona-who">
        <strong>{persona.name}</strong>
        {facts ? <span className="muted">{facts}</span> : null}
        {persona.quote ? (
          <blockquote>
            <Quote size={14} aria-hidden="true" />
            {persona.quote}
          </blockquote>
        ) : null}
      </div>
      <Items
        icon={<Target size={14} aria-hidden="true" />}
        title="Goals"
        items={[...persona.personalGoals, ...persona.professionalGoals]}
      />
      <Items
        icon={<TriangleAlert size={14} aria-hidden="true" />}
        title="Frustrations"
        items={persona.frustrations}
      />
    </div>
  );
}

/**
 * The map's personas above the grid: one persona at a time with a switcher on multi-persona maps.
 * Folds to a single line (remembered in this browser). Maps without personas show nothing here.
 */
export function PersonaStrip() {
  const session = useSession();
  const ids = useEditor((s) => s.map.personaIds);
  const all = useEditor((s) => s.personas);
  const [folded, setFolded] = useState(readFolded);
  const [shownId, setShownId] = useState<string | null>(null);
  const personas = ids.map((id) => all.find((p) => p.id === id)).filter((p): p is Persona => !!p);
  if (!personas.length) return null;
  const shown = personas.find((p) => p.id === shownId) ?? (personas[0] as Persona);
  const fold = () => {
    setFolded(!folded);
    try {
      localStorage.setItem(FOLD_KEY, folded ? "0" : "1");
    } catch {
      // Private mode: the strip just does not remember.
    }
  };
  return (
    <section className={folded ? "persona-strip folded" : "persona-strip"} aria-label="Personas of this map">
      {personas.length > 1 ? (
        <div className="persona-tabs" role="tablist" aria-label="Persona">
          {personas.map((p) => (
            <button
              key={p.id}
              type="button"
              role="tab"
              aria-selected={p.id === shown.id}
              className="persona-tab"
              onClick={() => {
                setShownId(p.id);
                if (folded) fold();
              }}
            >
              <Avatar persona={p} size={22} />
              {p.name}
            </button>
          ))}
        </div>
      ) : null}
      {folded ? (
        <div className="persona-line">
          {personas.length === 1 ? <Avatar persona={shown} size={24} /> : null}
          {personas.length === 1 ? <strong>{shown.name}</strong> : null}
          {shown.quote ? <span className="muted persona-line-quote">“{shown.quote}”</span> : null}
        </div>
      ) : (
        <PersonaCard persona={shown} />
      )}
      <div className="persona-actions">
        <button
          type="button"
          className="btn small ghost"
          onClick={() => session.store.setState({ panel: "personas" })}
        >
          Edit personas
        </button>
        <button
          type="button"
          className="btn icon"
          aria-expanded={!folded}
          aria-label={folded ? "Show persona details" : "Fold persona details"}
          onClick={fold}
        >
          {folded ? <ChevronDown size={16} aria-hidden="true" /> : <ChevronUp size={16} aria-hidden="true" />}
        </button>
      </div>
    </section>
  );
}
