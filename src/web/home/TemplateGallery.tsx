import { useEffect, useMemo, useState } from "react";
import type { TemplateSummary } from "../../contract/journeys.ts";
import { buildTemplate } from "../../domain/templates/index.ts";
import { MapPreview } from "../../render/MapPreview.tsx";
import { api } from "../api/client.ts";
import { KIND_LABELS } from "../labels.ts";
import { Dialog } from "../ui/Dialog.tsx";

/** The template gallery: pick a template, see a preview of its map, create a copy. */
export function TemplateGallery({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
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
    <Dialog title="Start from a template" onClose={onClose} wide>
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
              <h3>{current.title}</h3>
              <p>{current.description}</p>
              {preview ? <MapPreview map={preview.map} personas={preview.personas} /> : null}
              <div className="dialog-actions">
                <button type="button" className="btn primary" onClick={create}>
                  Use this template
                </button>
              </div>
            </>
          ) : (
            <p className="muted">{error ?? "Loading templates…"}</p>
          )}
        </section>
      </div>
    </Dialog>
  );
}
