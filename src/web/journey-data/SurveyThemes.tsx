import { useEffect, useState } from "react";
import type { ThemesReport } from "../../contract/themes.ts";
import { request } from "../api/request.ts";

const path = (mapId: string) => `/api/journeys/${encodeURIComponent(mapId)}/surveys/themes`;
const pct = (x: number) => `${Math.round(x * 1000) / 10} %`;

/** Recurring themes of the survey comments per stage, with "Suggest as pain point". */
export function SurveyThemes({ mapId, version }: { mapId: string; version: number }) {
  const [report, setReport] = useState<ThemesReport | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: read again when the surveys change
  useEffect(() => {
    request<ThemesReport>("GET", path(mapId)).then(setReport, (e: Error) => setMessage(e.message));
  }, [mapId, version]);
  const suggest = (stageId: string, phrase: string) =>
    request<{ cardId: string }>("POST", `${path(mapId)}/pain`, { body: { stageId, phrase } }).then(
      () => setMessage(`Pain point “${phrase}” added to the map.`),
      (e: Error) => setMessage(e.message),
    );
  if (!report) return message ? <p className="error">{message}</p> : null;
  const stages = report.stages.filter((s) => s.themes.length > 0);
  return (
    <div className="survey-themes">
      <h3>Themes in the comments</h3>
      {message ? <p role="status">{message}</p> : null}
      {report.automationCandidates.length ? (
        <p className="small">
          Automation candidates (routine, similar requests):{" "}
          {report.automationCandidates
            .map((a) => `${a.stageName}: “${a.phrase}” (${pct(a.share)})`)
            .join("; ")}
        </p>
      ) : null}
      {stages.length === 0 ? <p className="muted">No phrase recurs in two comments yet.</p> : null}
      {stages.map((s) => (
        <section key={s.stageId} aria-label={`Themes at ${s.stageName}`}>
          <h4>
            {s.stageName} <span className="muted">({s.comments} comments)</span>
          </h4>
          <ul>
            {s.themes.slice(0, 8).map((t) => (
              <li key={t.phrase}>
                <strong>{t.phrase}</strong> — {t.count} ({pct(t.share)}), sentiment {t.sentiment.toFixed(2)}
                <button type="button" className="btn small" onClick={() => void suggest(s.stageId, t.phrase)}>
                  Suggest as pain point
                </button>
                <ul className="muted small">
                  {t.quotes.map((q) => (
                    <li key={`${q.surveyId}-${q.row}`}>
                      “{q.text}” (response {q.row})
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
