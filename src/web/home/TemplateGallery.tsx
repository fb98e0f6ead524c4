import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { TemplateSummary } from "../../contract/journeys.ts";
import { buildTemplate } from "../../domain/templates/index.ts";
import { MapPreview } from "../../render/MapPreview.tsx";
import { api } from "../api/client.ts";
import { KIND_LABELS } from "../labels.ts";
import { Dialog } from "../ui/Dialog.tsx";

/** The template gallery as a dialog (from the home page's "Start from a template"). */
export function TemplateGallery({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  return (
    <Dialog title="Start from a template" onClose={onClose} wide>
      <TemplateBrowser onCreated={onCreated} />
    </Dialog>
  );
}

/** The template list and a preview of the selected one (every stage in full), with "Use this template". */
export function TemplateBrowser({ onCreated }: { onCreated: (id: string) => void }) {
  const [templates, setTemplates] = useState<TemplateSummary[] | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.listTemplates().then(
      (t) => {
        setTemplates(t);
        setSelected(t[0]?.id ?? null);
      },
      (e: Error) => setError(e.message),
    );
  }, []);
  const preview = useMemo(() => {
    if (!selected) return null;
    let n = 0;
    try {
      return buildTemplate(selected, { now: new Date().toISOString(), newId: () => `p${++n}` });
    } catch {
      return null;
    }
  }, [selected]);
  const current = templates?.find((t) => t.id === selected);
  const create = () => {
    if (!selected) return;
    api.createFromTemplate(selected).then(
      (m) => onCreated(m.id),
      (e: Error) => setError(e.message),
    );
  };
  return (
    <div className="gallery">
      <ul className="gallery-list" aria-label="Templates">
        {(templates ?? []).map((t) => (
          <li key={t.id}>
            <button
              type="button"
              className={t.id === selected ? "gallery-item selected" : "gallery-item"}
              aria-pressed={t.id === selected}
              onClick={() => setSelected(t.id)}
            >
              <strong>{t.title}</strong>
              <span className="muted">
                {KIND_LABELS[t.kind]} · {t.stageCount} stages
                {t.personaNames.length ? ` · ${t.personaNames.join(", ")}` : ""}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <section className="gallery-preview" aria-label="Template preview">
        {current ? (
          <>
            <div className="gallery-preview-head">
              <h3>{current.title}</h3>
              <button type="button" className="btn primary" onClick={create}>
                Use this template
              </button>
            </div>
            <p>{current.description}</p>
            {preview ? (
              <>
                <ol className="preview-stages" aria-label="Stages">
                  {preview.map.stages.map((s) => (
                    <li key={s.id}>{s.name}</li>
                  ))}
                </ol>
                <FittedPreview key={selected}>
                  <MapPreview map={preview.map} personas={preview.personas} />
                </FittedPreview>
              </>
            ) : null}
          </>
        ) : (
          <p className="muted">{error ?? "Loading templates…"}</p>
        )}
      </section>
    </div>
  );
}

/** Scales its content down (never up, never below 50 %) so every stage column is in view. */
function FittedPreview({ children }: { children: React.ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [zoom, setZoom] = useState(1);
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => {
      const grid = el.querySelector<HTMLElement>(".preview-grid");
      if (!grid) return;
      const natural = grid.scrollWidth + 2;
      setZoom(Math.max(0.5, Math.min(1, el.clientWidth / natural)));
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return (
    <div ref={box} className="preview-fit">
      <div style={{ zoom }}>{children}</div>
    </div>
  );
}
