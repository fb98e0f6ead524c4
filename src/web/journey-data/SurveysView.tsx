import { useCallback, useEffect, useState } from "react";
import type { SurveyInfo, SurveyUpload } from "../../contract/surveys.ts";
import type { StageSurvey } from "../../domain/journey-data/index.ts";
import { logsApi } from "../api/logs.ts";
import type { UploadProgress } from "../api/upload.ts";
import { useEditor } from "../editor/session-context.ts";
import { fmtCount } from "./format.ts";
import { SurveyThemes, TicketThemes } from "./SurveyThemes.tsx";
import { useSurveyOverlay } from "./survey-store.ts";
import { RowErrors } from "./UploadLogForm.tsx";
import { UploadProgressBar } from "./UploadProgressBar.tsx";

type Est = { value: number; low: number; high: number; n?: number } | null;

const fmtEst = (e: Est, digits = 1, pct = false) => {
  if (!e) return "–";
  const f = (v: number) => (pct ? `${(v * 100).toFixed(0)} %` : v.toFixed(digits));
  return (
    <>
      {f(e.value)}
      <span className="ci">
        {f(e.low)}–{f(e.high)}
      </span>
    </>
  );
};

/** Surveys of a map: upload with progress, list, per-stage results and the emotion overlay switch. */
export function SurveysView({ mapId }: { mapId: string }) {
  const [surveys, setSurveys] = useState<SurveyInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { results, visible, mapId: resultsOf } = useSurveyOverlay();
  const reload = useCallback(() => {
    Promise.all([logsApi.surveys(mapId), logsApi.surveyResults(mapId)]).then(
      ([list, res]) => {
        setSurveys(list);
        setError(null);
        useSurveyOverlay.setState((s) => ({
          mapId,
          results: res,
          visible: s.mapId === mapId ? s.visible : false,
        }));
      },
      (e: Error) => setError(e.message),
    );
  }, [mapId]);
  useEffect(() => reload(), [reload]);
  const remove = async (s: SurveyInfo) => {
    if (!window.confirm(`Delete the survey “${s.name}”?`)) return;
    await logsApi.removeSurvey(mapId, s.id).catch((e: Error) => setError(e.message));
    reload();
  };
  const mine = resultsOf === mapId ? results : null;
  return (
    <section className="surveys" aria-label="Surveys">
      <SurveyUploadForm mapId={mapId} onUploaded={reload} />
      {error ? <p className="error">{error}</p> : null}
      {surveys?.length ? (
        <ul className="log-list" aria-label="Surveys of this map">
          {surveys.map((s) => (
            <li key={s.id}>
              <span className="log-pick static">
                <span className="log-name">{s.name}</span>
                <span className="muted">{fmtCount(s.responses)} answers</span>
              </span>
              <button
                type="button"
                className="btn ghost small"
                aria-label={`Delete survey ${s.name}`}
                onClick={() => remove(s)}
              >
                Delete
              </button>
            </li>
          ))}
        </ul>
      ) : surveys ? (
        <p className="muted">
          No surveys yet. Columns: case_id, stage, touchpoint, metric (csat, ces, nps), score, comment.
        </p>
      ) : null}
      <TicketThemes mapId={mapId} />
      {mine && surveys?.length ? (
        <>
          <label className="check overlay-toggle">
            <input
              type="checkbox"
              checked={visible}
              onChange={(e) => useSurveyOverlay.setState({ visible: e.target.checked })}
            />
            Show the emotion from survey data in the emotion lane
          </label>
          <SurveyResultsTable stages={mine.stages} />
          <SurveyThemes mapId={mapId} version={surveys.length} />
          {mine.unplaced.length ? (
            <p className="warn-text small">
              Not placed on a stage:{" "}
              {mine.unplaced.map((u) => `${u.name || "(empty)"} (${fmtCount(u.responses)})`).join(", ")}
            </p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

/** Per-stage CSAT / CES / NPS with 95 % intervals and n, comment sentiment and the data-backed emotion. */
export function SurveyResultsTable({ stages }: { stages: StageSurvey[] }) {
  return (
    <div className="table-scroll">
      <table className="data-table survey-results" aria-label="Survey results per stage">
        <thead>
          <tr>
            <th scope="col">Stage</th>
            <th scope="col">Answers</th>
            <th scope="col" title="Share of 4–5 answers, Wilson 95 % interval">
              CSAT
            </th>
            <th scope="col" title="Mean 1–7, 95 % interval">
              CES
            </th>
            <th scope="col" title="% promoters − % detractors, 95 % interval">
              NPS
            </th>
            <th scope="col" title="Mean comparative AFINN score of the comments">
              Sentiment
            </th>
            <th scope="col">Emotion</th>
          </tr>
        </thead>
        <tbody>
          {stages.map((s) => (
            <tr key={s.stageId}>
              <th scope="row">{s.stageName}</th>
              <td className="num">{fmtCount(s.responses)}</td>
              <td className="num">
                {fmtEst(s.csat, 0, true)}
                {s.csat ? <span className="muted"> n={s.csat.n}</span> : null}
              </td>
              <td className="num">
                {fmtEst(s.ces, 1)}
                {s.ces ? <span className="muted"> n={s.ces.n}</span> : null}
              </td>
              <td className="num">
                {fmtEst(s.nps, 0)}
                {s.nps ? <span className="muted"> n={s.nps.n}</span> : null}
              </td>
              <td className="num">
                {fmtEst(s.sentiment, 2)}
                {s.sentiment ? <span className="muted"> n={s.sentiment.n}</span> : null}
              </td>
              <td className="num">{fmtEst(s.emotion, 1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function SurveyUploadForm({ mapId, onUploaded }: { mapId: string; onUploaded: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<SurveyUpload | null>(null);
  // For survey-tool exports without a stage column (SurveyMonkey, Typeform without a hidden field).
  const [stage, setStage] = useState("");
  const stages = useEditor((s) => s.map.stages);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setError(null);
    setDone(null);
    setProgress({ phase: "uploading", loaded: 0, total: file.size });
    try {
      const res = await logsApi.uploadSurvey(mapId, file, undefined, setProgress, stage || undefined);
      setDone(res);
      onUploaded();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setProgress(null);
    }
  };
  return (
    <form className="upload-form compact" onSubmit={submit} aria-label="Import a survey">
      <div className="form-row">
        <label>
          <span>Survey file (CSV, JSON, NDJSON)</span>
          <input
            type="file"
            accept=".csv,.tsv,.json,.ndjson,.jsonl"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </label>
        <label>
          <span>Stage the survey is about</span>
          <select value={stage} onChange={(e) => setStage(e.target.value)}>
            <option value="">From the file (stage column)</option>
            {stages.map((s) => (
              <option key={s.id} value={s.name}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="btn primary small" disabled={!file || progress !== null}>
          Import survey
        </button>
      </div>
      {progress ? <UploadProgressBar progress={progress} label="Scoring answers…" /> : null}
      {error ? (
        <p className="error" role="alert">
          Import failed: {error}
        </p>
      ) : null}
      {done ? (
        <p className="ok" role="status">
          Imported {fmtCount(done.responses)} answers into “{done.name}”
          {done.tool ? ` (read as a ${done.tool})` : ""}.
        </p>
      ) : null}
      {done?.errors.length ? <RowErrors errors={done.errors} /> : null}
    </form>
  );
}
