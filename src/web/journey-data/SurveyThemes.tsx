import { useEffect, useState } from "react";
import type { Theme, ThemesReport, TicketThemesReport } from "../../contract/themes.ts";
import { logsApi } from "../api/logs.ts";
import { request } from "../api/request.ts";

const path = (mapId: string) => `/api/journeys/${encodeURIComponent(mapId)}/surveys/themes`;
const ticketPath = (mapId: string) => `/api/journeys/${encodeURIComponent(mapId)}/tickets/themes`;
const pct = (x: number) => `${Math.round(x * 1000) / 10} %`;

/** The themes of a report per stage, each with "Suggest as pain point" (survey or ticket quotes). */
function ThemeList<Q>({
  report,
  unit,
  quoteKey,
  quoteWhere,
  suggest,
}: {
  report: ThemesReport<Q>;
  unit: string;
  quoteKey: (q: Q) => string;
  quoteWhere: (q: Q) => string;
  suggest: (stageId: string, phrase: string) => void;
}) {
  const stages = report.stages.filter((s) => s.themes.length > 0);
  return (
    <>
      {report.automationCandidates.length ? (
        <p className="small">
          Automation candidates (routine, similar requests):{" "}
          {report.automationCandidates
            .map((a) => `${a.stageName}: “${a.phrase}” (${pct(a.share)})`)
            .join("; ")}
        </p>
      ) : null}
      {stages.length === 0 ? <p className="muted">No phrase recurs in two {unit} yet.</p> : null}
      {stages.map((s) => (
        <section key={s.stageId} aria-label={`Themes at ${s.stageName}`}>
          <h4>
            {s.stageName}{" "}
            <span className="muted">
              ({s.comments} {unit})
            </span>
          </h4>
          <ul>
            {s.themes.slice(0, 8).map((t: Theme<Q>) => (
              <li key={t.phrase}>
                <strong>{t.phrase}</strong> — {t.count} ({pct(t.share)}), sentiment {t.sentiment.toFixed(2)}
                <button type="button" className="btn small" onClick={() => suggest(s.stageId, t.phrase)}>
                  Suggest as pain point
                </button>
                <ul className="muted small">
                  {t.quotes.map((q) => (
                    <li key={quoteKey(q)}>
                      “{(q as { text: string }).text}” ({quoteWhere(q)})
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

/** Themes of a support log's tickets: pick a workspace log, read its ticket text on this map's stages. */
export function TicketThemes({ mapId }: { mapId: string }) {
  const [logs, setLogs] = useState<{ id: string; name: string }[]>([]);
  const [logId, setLogId] = useState("");
  const [report, setReport] = useState<TicketThemesReport | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    logsApi.list().then(setLogs, (e: Error) => setMessage(e.message));
  }, []);
  useEffect(() => {
    setReport(null);
    if (!logId) return;
    setMessage(null);
    request<TicketThemesReport>("GET", ticketPath(mapId), { query: { logId } }).then(setReport, (e: Error) =>
      setMessage(e.message),
    );
  }, [mapId, logId]);
  const suggest = (stageId: string, phrase: string) =>
    void request<{ cardId: string }>("POST", `${ticketPath(mapId)}/pain`, {
      body: { logId, stageId, phrase },
    }).then(
      () => setMessage(`Pain point “${phrase}” added to the map.`),
      (e: Error) => setMessage(e.message),
    );
  if (logs.length === 0) return null;
  return (
    <div className="ticket-themes">
      <h3>Themes in support tickets</h3>
      <label>
        Support log{" "}
        <select aria-label="Support log" value={logId} onChange={(e) => setLogId(e.target.value)}>
          <option value="">Choose a log…</option>
          {logs.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </select>
      </label>
      {message ? <p role="status">{message}</p> : null}
      {report ? (
        <>
          <p className="muted small">
            {report.tickets} tickets placed on the map's stages{report.truncated ? " (the first 10 000)" : ""}
            .
          </p>
          <ThemeList
            report={report}
            unit="tickets"
            quoteKey={(q) => `${q.ticketId}-${q.event}`}
            quoteWhere={(q) => `ticket ${q.ticketId}`}
            suggest={suggest}
          />
        </>
      ) : null}
    </div>
  );
}

/** Recurring themes of the survey comments per stage, with "Suggest as pain point". */
export function SurveyThemes({ mapId, version }: { mapId: string; version: number }) {
  const [report, setReport] = useState<ThemesReport | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: read again when the surveys change
  useEffect(() => {
    request<ThemesReport>("GET", path(mapId)).then(setReport, (e: Error) => setMessage(e.message));
  }, [mapId, version]);
  const suggest = (stageId: string, phrase: string) =>
    void request<{ cardId: string }>("POST", `${path(mapId)}/pain`, { body: { stageId, phrase } }).then(
      () => setMessage(`Pain point “${phrase}” added to the map.`),
      (e: Error) => setMessage(e.message),
    );
  return (
    <>
      {report ? (
        <div className="survey-themes">
          <h3>Themes in the comments</h3>
          {message ? <p role="status">{message}</p> : null}
          <ThemeList
            report={report}
            unit="comments"
            quoteKey={(q) => `${q.surveyId}-${q.row}`}
            quoteWhere={(q) => `response ${q.row}`}
            suggest={suggest}
          />
        </div>
      ) : message ? (
        <p className="error">{message}</p>
      ) : null}
    </>
  );
}
