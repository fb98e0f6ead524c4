import { FileUp, TriangleAlert } from "lucide-react";
import { type DragEvent, useState } from "react";
import {
  IMPORT_FORMAT_KEYS,
  importFormatOf,
  LANE_TYPES,
  type LaneType,
  LaneTypeSchema,
  MAP_FORMATS,
  MAX_NATIVE_DOCUMENT_BYTES,
} from "../../domain/index.ts";
import { teamHeaders } from "../account/team-session.ts";
import { ApiError, errorOfAnswer } from "../api/request.ts";
import { Dialog } from "../ui/Dialog.tsx";
import "./import.css";

/** What `POST /api/journeys/import?dryRun=1` answers. */
export interface ImportPreview {
  format: string;
  title: string;
  stages: string[];
  lanes: { row?: number; name: string; type: LaneType; guessed: boolean; items: number }[];
  cards: number;
  emotionPoints: number;
  personas: string[];
  warnings: { path: string; message: string }[];
}

/** File name extensions the picker offers (every importable format of the registry). */
const ACCEPT = [
  ...IMPORT_FORMAT_KEYS.map((k) => `.${MAP_FORMATS[k].extension}`),
  ".json",
  ".mermaid",
  ".tsv",
].join(",");

/** `2:emotion,3:touchpoints` from the lane types chosen in the preview. */
const laneTypesParam = (chosen: Record<number, LaneType>) =>
  Object.entries(chosen)
    .map(([row, type]) => `${row}:${type}`)
    .join(",");

/** Sends the file to the import route (dry run or for real); JSON files as JSON, others as raw bytes. */
async function send<T>(file: File, dryRun: boolean, chosen: Record<number, LaneType>): Promise<T> {
  const q = new URLSearchParams({ name: file.name });
  if (dryRun) q.set("dryRun", "1");
  const lt = laneTypesParam(chosen);
  if (lt) q.set("laneTypes", lt);
  const json = importFormatOf(file.name) === "json";
  const res = await fetch(`/api/journeys/import?${q}`, {
    method: "POST",
    headers: {
      "content-type": json ? "application/json" : "application/octet-stream",
      "x-wayline-upload": "1",
      ...teamHeaders(),
    },
    body: file,
  });
  const text = await res.text();
  if (!res.ok) throw errorOfAnswer(res.status, res.statusText, text);
  return JSON.parse(text) as T;
}

/** Problems of a refused file, each with its place (`Grid!C4`, `line 3`, a JSON path). */
function problemsOf(e: unknown): { path: string; message: string }[] {
  if (!(e instanceof ApiError)) return [];
  const p = e.details?.problems;
  return Array.isArray(p) ? (p as { path: string; message: string }[]) : [];
}

/**
 * Import a map from a file: pick or drop a Wayline JSON, Mermaid journey, CSV or XLSX file; a dry
 * run shows what would be created (stages, lanes with their guessed types, editable for
 * spreadsheets, warnings and located problems); "Create map" imports it and opens it.
 */
export function ImportDialog({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [chosen, setChosen] = useState<Record<number, LaneType>>({});
  const [error, setError] = useState<{
    message: string;
    problems: { path: string; message: string }[];
  } | null>(null);
  const [busy, setBusy] = useState(false);
  const [over, setOver] = useState(false);

  async function dryRun(f: File, types: Record<number, LaneType>) {
    setBusy(true);
    setError(null);
    try {
      setPreview(await send<ImportPreview>(f, true, types));
    } catch (e) {
      setPreview(null);
      setError({ message: (e as Error).message, problems: problemsOf(e) });
    } finally {
      setBusy(false);
    }
  }

  function pick(f: File | undefined) {
    if (!f) return;
    setFile(f);
    setChosen({});
    setPreview(null);
    if (!importFormatOf(f.name)) {
      setError({
        message: `"${f.name}" is not a file Wayline imports: use .wayline.json, .json, .mmd, .csv or .xlsx`,
        problems: [],
      });
      return;
    }
    if (f.size > MAX_NATIVE_DOCUMENT_BYTES) {
      setError({
        message: `"${f.name}" is larger than the limit of ${MAX_NATIVE_DOCUMENT_BYTES} bytes`,
        problems: [],
      });
      return;
    }
    void dryRun(f, {});
  }

  async function create() {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const made = await send<{ id: string }>(file, false, chosen);
      onCreated(made.id);
    } catch (e) {
      setError({ message: (e as Error).message, problems: problemsOf(e) });
    } finally {
      setBusy(false);
    }
  }

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    pick(e.dataTransfer.files[0]);
  };

  return (
    <Dialog title="Import a map" onClose={onClose} wide>
      <div className="import-dialog">
        <label
          className={over ? "import-drop over" : "import-drop"}
          onDragOver={(e) => {
            e.preventDefault();
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={onDrop}
        >
          <FileUp aria-hidden="true" size={22} />
          <span>
            <strong>Choose a file</strong> or drop it here: Wayline JSON, Mermaid journey (.mmd), CSV or Excel
            (.xlsx)
          </span>
          <input
            type="file"
            accept={ACCEPT}
            aria-label="File to import"
            onChange={(e) => pick(e.target.files?.[0])}
          />
        </label>
        {file ? (
          <p className="muted">
            {file.name}
            {busy ? " · reading…" : ""}
          </p>
        ) : null}
        {error ? (
          <div className="import-error" role="alert">
            <p>
              <TriangleAlert aria-hidden="true" size={16} /> {error.message}
            </p>
            {error.problems.length ? (
              <ul>
                {error.problems.map((p) => (
                  <li key={`${p.path}|${p.message}`}>
                    <code>{p.path}</code> {p.message}
                  </li>
                ))}
              </ul>
            ) : null}
            <p className="muted">Nothing was created.</p>
          </div>
        ) : null}
        {preview ? (
          <section className="import-preview" aria-label="What will be created">
            <h3>{preview.title}</h3>
            <p className="muted">
              {preview.stages.length} stages · {preview.lanes.length} lanes · {preview.cards} cards ·{" "}
              {preview.emotionPoints} emotion points
              {preview.personas.length ? ` · personas: ${preview.personas.join(", ")}` : ""}
            </p>
            <h4>Stages</h4>
            <ol className="import-stages">
              {preview.stages.map((s, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: stages in file order, names may repeat
                <li key={i}>{s}</li>
              ))}
            </ol>
            <h4>Lanes</h4>
            <table className="import-lanes">
              <thead>
                <tr>
                  <th scope="col">Lane</th>
                  <th scope="col">Type</th>
                  <th scope="col">Items</th>
                </tr>
              </thead>
              <tbody>
                {preview.lanes.map((l, i) => {
                  const row = l.row;
                  return (
                    // biome-ignore lint/suspicious/noArrayIndexKey: lanes in file order
                    <tr key={i}>
                      <td>{l.name}</td>
                      <td>
                        {row === undefined ? (
                          LANE_TYPES[l.type].label
                        ) : (
                          <select
                            aria-label={`Type of lane ${l.name}`}
                            value={chosen[row] ?? l.type}
                            disabled={busy}
                            onChange={(e) => {
                              const next = { ...chosen, [row]: LaneTypeSchema.parse(e.target.value) };
                              setChosen(next);
                              if (file) void dryRun(file, next);
                            }}
                          >
                            {LaneTypeSchema.options.map((t) => (
                              <option key={t} value={t}>
                                {LANE_TYPES[t].label}
                              </option>
                            ))}
                          </select>
                        )}
                        {l.guessed && chosen[row ?? -1] === undefined ? (
                          <span className="muted"> guessed</span>
                        ) : null}
                      </td>
                      <td>{l.items}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            {preview.warnings.length ? (
              <>
                <h4>Warnings</h4>
                <ul className="import-warnings">
                  {preview.warnings.map((w) => (
                    <li key={`${w.path}|${w.message}`}>
                      <code>{w.path}</code> {w.message}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </section>
        ) : null}
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="btn primary"
            disabled={!preview || busy}
            onClick={() => void create()}
          >
            Create map
          </button>
        </div>
      </div>
    </Dialog>
  );
}
