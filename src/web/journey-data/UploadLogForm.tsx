import { useId, useState } from "react";
import type { LogInfo } from "../../contract/logs.ts";
import { type CONNECTOR_NAMES, chooseConnector, connectors } from "../../domain/connectors/index.ts";
import { logsApi } from "../api/logs.ts";
import type { UploadProgress } from "../api/upload.ts";
import {
  type ColumnChoice,
  type CsvPreview,
  guessColumns,
  isDelimited,
  previewCsv,
  readHead,
} from "./csv-preview.ts";
import { fmtBytes, fmtCount } from "./format.ts";
import {
  DEFAULT_READING,
  type Reading,
  ReadingOptions,
  ReadingSummary,
  readingQuery,
} from "./ReadingOptions.tsx";
import { UploadProgressBar } from "./UploadProgressBar.tsx";

const DELIMITERS: Record<string, string> = { ",": "Comma", ";": "Semicolon", "\t": "Tab", "|": "Pipe" };
const FIELDS: { key: keyof ColumnChoice; label: string }[] = [
  { key: "case", label: "Case id" },
  { key: "activity", label: "Activity" },
  { key: "timestamp", label: "Timestamp" },
];

/**
 * Upload of an event log: choose a file, check its first rows and columns (CSV/TSV), import with
 * upload progress. Other formats (XES, JSON, Parquet) go up as they are; the server detects columns.
 */
export function UploadLogForm({ onImported }: { onImported: (info: LogInfo) => void }) {
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [head, setHead] = useState("");
  const [preview, setPreview] = useState<CsvPreview | null>(null);
  const [columns, setColumns] = useState<ColumnChoice>({ case: "", activity: "", timestamp: "" });
  const [name, setName] = useState("");
  const [reading, setReading] = useState<Reading>(DEFAULT_READING);
  // Another tool's export recognised from the CSV header ("" = none); "none" = read as a plain log.
  const [detected, setDetected] = useState("");
  const [source, setSource] = useState("auto");
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<LogInfo | null>(null);

  const choose = async (f: File | null) => {
    setFile(f);
    setError(null);
    setDone(null);
    setPreview(null);
    if (!f) return;
    setName(f.name.replace(/\.[^.]+(\.gz)?$/, ""));
    if (!isDelimited(f.name)) return;
    const text = await readHead(f);
    const p = previewCsv(text);
    setHead(text);
    setPreview(p);
    setColumns(guessColumns(p.header));
    setDetected(chooseConnector(p.header, "auto")?.name ?? "");
    setSource("auto");
  };
  const setDelimiter = (d: string) => {
    const p = previewCsv(head, 20, d);
    setPreview(p);
    setColumns(guessColumns(p.header));
  };
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setError(null);
    setProgress({ phase: "uploading", loaded: 0, total: file.size });
    try {
      const byConnector = source !== "none" && (source !== "auto" || detected !== "");
      const connector = (source === "auto" ? undefined : source) as
        | (typeof CONNECTOR_NAMES)[number]
        | "none"
        | undefined;
      const opts = preview
        ? {
            ...(byConnector ? {} : columns),
            delimiter: preview.delimiter,
            ...(connector ? { connector } : {}),
          }
        : connector
          ? { connector }
          : {};
      const info = await logsApi.upload(
        file,
        { name: name.trim() || undefined, ...opts, ...readingQuery(reading) },
        setProgress,
      );
      setDone(info);
      onImported(info);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setProgress(null);
    }
  };
  return (
    <form className="upload-form" onSubmit={submit} aria-label="Import an event log">
      <div className="form-row">
        <label htmlFor={`${id}-file`}>Event log file</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".csv,.tsv,.txt,.json,.ndjson,.jsonl,.xes,.gz,.parquet"
          onChange={(e) => void choose(e.target.files?.[0] ?? null)}
        />
        {file ? <span className="muted">{fmtBytes(file.size)}</span> : null}
      </div>
      {file ? (
        <div className="form-row">
          <label htmlFor={`${id}-name`}>Name</label>
          <input id={`${id}-name`} value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
        </div>
      ) : null}
      {file ? <SourceChoice detected={detected} value={source} onChange={setSource} /> : null}
      {preview && (source === "none" || (source === "auto" && detected === "")) ? (
        <ColumnMapping
          preview={preview}
          columns={columns}
          onColumns={setColumns}
          onDelimiter={setDelimiter}
        />
      ) : file && !preview ? (
        <p className="muted">
          Columns of {file.name} are detected on import (XES, JSON and Parquet keep their names).
        </p>
      ) : null}
      {file ? <ReadingOptions value={reading} onChange={setReading} /> : null}
      {progress ? <UploadProgressBar progress={progress} /> : null}
      {error ? (
        <p className="error" role="alert">
          Import failed: {error}
        </p>
      ) : null}
      {done ? (
        <p className="ok" role="status">
          Imported “{done.name}”: {fmtCount(done.stats.events)} events, {fmtCount(done.stats.cases)} cases
          {done.report.errors.length ? `, ${fmtCount(done.report.errors.length)} rows skipped` : ""}.
        </p>
      ) : null}
      {done ? <ReadingSummary report={done.report} /> : null}
      {done?.report.errors.length ? <RowErrors errors={done.report.errors} /> : null}
      <div className="form-actions">
        <button type="submit" className="btn primary" disabled={!file || progress !== null}>
          Import log
        </button>
      </div>
    </form>
  );
}

/** Which tool's export the file is: detected from the columns, forced, or a plain log. */
function SourceChoice({
  detected,
  value,
  onChange,
}: {
  detected: string;
  value: string;
  onChange: (v: string) => void;
}) {
  const all = connectors();
  const label = all.find((c) => c.name === detected)?.label;
  return (
    <div className="form-row">
      <label>
        <span>Exported from</span>
        <select value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="auto">{label ? `Detected: ${label}` : "Detect automatically"}</option>
          <option value="none">A plain event log (choose the columns)</option>
          {all.map((c) => (
            <option key={c.name} value={c.name}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
      {label && value === "auto" ? (
        <p className="muted" role="status">
          Recognised as a {label}: its columns are mapped by the connector (see the guide for what becomes an
          event).
        </p>
      ) : null}
    </div>
  );
}

function ColumnMapping({
  preview,
  columns,
  onColumns,
  onDelimiter,
}: {
  preview: CsvPreview;
  columns: ColumnChoice;
  onColumns: (c: ColumnChoice) => void;
  onDelimiter: (d: string) => void;
}) {
  const id = useId();
  return (
    <fieldset className="column-mapping">
      <legend>Columns</legend>
      <div className="mapping-fields">
        <label>
          <span>Delimiter</span>
          <select value={preview.delimiter} onChange={(e) => onDelimiter(e.target.value)}>
            {Object.entries(DELIMITERS).map(([d, label]) => (
              <option key={d} value={d}>
                {label}
              </option>
            ))}
          </select>
        </label>
        {FIELDS.map((f) => (
          <label key={f.key}>
            <span>{f.label}</span>
            <select
              id={`${id}-${f.key}`}
              value={columns[f.key]}
              onChange={(e) => onColumns({ ...columns, [f.key]: e.target.value })}
            >
              <option value="">Detect automatically</option>
              {preview.header.map((h, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: headers may repeat or be empty
                <option key={i} value={h}>
                  {h || `(column ${i + 1})`}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to scroll it */}
      <section className="preview-scroll" tabIndex={0} aria-label="Preview of the file">
        <table className="data-table preview-table" aria-label="First rows of the file">
          <thead>
            <tr>
              {preview.header.map((h, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: headers may repeat or be empty
                <th key={i} scope="col" className={roleOf(h, columns) ? "mapped" : undefined}>
                  {h}
                  {roleOf(h, columns) ? <span className="col-role">{roleOf(h, columns)}</span> : null}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((r, ri) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: preview rows have no identity
              <tr key={ri}>
                {preview.header.map((_, ci) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: cells by position
                  <td key={ci}>{r[ci] ?? ""}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </fieldset>
  );
}

const roleOf = (h: string, c: ColumnChoice) =>
  h === c.case ? "case" : h === c.activity ? "activity" : h === c.timestamp ? "timestamp" : null;

/** Rows the import skipped, with line, column and reason. */
export function RowErrors({ errors }: { errors: { line: number; column?: string; reason: string }[] }) {
  return (
    <details className="row-errors">
      <summary>{fmtCount(errors.length)} skipped rows</summary>
      <ul>
        {errors.slice(0, 50).map((e) => (
          <li key={`${e.line}-${e.column ?? ""}`}>
            Line {e.line}
            {e.column ? `, ${e.column}` : ""}: {e.reason}
          </li>
        ))}
      </ul>
    </details>
  );
}
