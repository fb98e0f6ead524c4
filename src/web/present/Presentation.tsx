import { useEffect, useRef, useState } from "react";
import type { JourneyMap, Persona } from "../../domain/index.ts";
import { faceIcon } from "../../render/picture-icons.tsx";
import { cardsIn, presentUnits } from "./present-units.ts";

const NEXT = new Set(["ArrowRight", "ArrowDown", "PageDown", " ", "Enter"]);
const PREV = new Set(["ArrowLeft", "ArrowUp", "PageUp", "Backspace"]);

function List({ title, items }: { title: string; items: { id: string; text: string; meta: string }[] }) {
  if (!items.length) return null;
  return (
    <section className="present-list">
      <h3>{title}</h3>
      <ul>
        {items.map((i) => (
          <li key={i.id}>
            {i.text}
            {i.meta ? <span className="present-meta"> — {i.meta}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * Presentation mode: full screen, one stage (or phase) per slide with the persona, the emotion
 * point and its reason, pain points and ideas; keys and clickers (PageDown/PageUp) move, a
 * progress strip jumps, N shows the presenter notes (the stage description), Escape leaves.
 */
export function Presentation({
  map,
  personas,
  onClose,
}: {
  map: JourneyMap;
  personas: Persona[];
  onClose: () => void;
}) {
  const [byPhase, setByPhase] = useState(false);
  const [index, setIndex] = useState(0);
  const [notes, setNotes] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const units = presentUnits(map, byPhase);
  const i = Math.min(index, Math.max(0, units.length - 1));
  const unit = units[i];
  useEffect(() => {
    const el = root.current;
    el?.focus();
    el?.requestFullscreen?.().catch(() => {});
    return () => {
      if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
    };
  }, []);
  const onKey = (e: React.KeyboardEvent) => {
    if (NEXT.has(e.key)) setIndex(Math.min(units.length - 1, i + 1));
    else if (PREV.has(e.key)) setIndex(Math.max(0, i - 1));
    else if (e.key === "Home") setIndex(0);
    else if (e.key === "End") setIndex(units.length - 1);
    else if (e.key === "n" || e.key === "N") setNotes(!notes);
    else if (e.key === "Escape") onClose();
    else return;
    e.preventDefault();
  };
  const ids = unit?.stages.map((s) => s.id as string) ?? [];
  const who = (id: string | null) =>
    id ? (personas.find((p) => p.id === id)?.name ?? "Persona") : "Customer";
  const range = map.emotionScale.max - map.emotionScale.min;
  const emotions = map.emotionPoints.filter((e) => ids.includes(e.stageId) && !e.stepId);
  return (
    <div
      ref={root}
      className="present"
      role="dialog"
      aria-label={`Presentation: ${map.title}`}
      tabIndex={-1}
      onKeyDown={onKey}
    >
      <header className="present-top">
        <span className="present-map">{map.title}</span>
        <span className="present-people">{personas.map((p) => p.name).join(", ")}</span>
        <label className="present-toggle">
          <input
            type="checkbox"
            checked={byPhase}
            onChange={(e) => {
              setByPhase(e.target.checked);
              setIndex(0);
            }}
          />{" "}
          By phase
        </label>
        <button type="button" className="btn ghost" onClick={onClose} aria-label="Leave presentation">
          ✕
        </button>
      </header>
      {unit ? (
        <main className="present-slide" aria-live="polite">
          {unit.kicker ? <p className="present-kicker">{unit.kicker}</p> : null}
          <h2 className="present-title">{unit.title}</h2>
          {emotions.length ? (
            <section className="present-emotions">
              {emotions.map((e) => {
                const Face = faceIcon((e.value - map.emotionScale.min) / range);
                const label = map.emotionScale.levels.find((l) => l.value === e.value)?.label;
                return (
                  <p key={`${e.personaId}-${e.stageId}`} className="present-emotion">
                    <Face aria-hidden="true" width={28} height={28} /> <strong>{who(e.personaId)}</strong>:{" "}
                    {label ?? e.value}
                    {e.reason ? ` — ${e.reason}` : ""}
                  </p>
                );
              })}
            </section>
          ) : null}
          <div className="present-columns">
            <List title="Touchpoints" items={cardsIn(map, ids, "touchpoint")} />
            <List title="Pain points" items={cardsIn(map, ids, "pain")} />
            <List title="Ideas" items={cardsIn(map, ids, "idea")} />
          </div>
          {notes ? (
            <aside className="present-notes" aria-label="Presenter notes">
              {unit.stages
                .map((s) => s.description)
                .filter(Boolean)
                .join("\n\n") || "No notes for this stage."}
            </aside>
          ) : null}
        </main>
      ) : (
        <main className="present-slide">
          <p>This map has no stages yet.</p>
        </main>
      )}
      <nav className="present-progress" aria-label="Stages">
        {units.map((u, k) => (
          <button
            key={u.key}
            type="button"
            className="present-step"
            aria-current={k === i ? "step" : undefined}
            onClick={() => setIndex(k)}
            title={u.title}
          >
            {u.title}
          </button>
        ))}
      </nav>
    </div>
  );
}
