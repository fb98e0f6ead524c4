import { useId, useState } from "react";
import type { FunnelMode } from "../../contract/logs.ts";
import type { FunnelResult } from "../../domain/journey-data/index.ts";
import { logsApi } from "../api/logs.ts";
import { FunnelChart, FunnelTable } from "./FunnelChart.tsx";
import { fmtCount, fmtDuration, fmtShare } from "./format.ts";
import { useWidth } from "./useWidth.ts";

const MODES: Record<FunnelMode, string> = {
  sequential: "Sequential (others may happen between)",
  strict: "Strict (directly follows)",
  any: "Any order",
};

/** Picks funnel steps among a log's activities, with mode, conversion window and breakdown. */
export function FunnelBuilder({ logId, activities }: { logId: string; activities: string[] }) {
  const id = useId();
  const [steps, setSteps] = useState<string[]>([]);
  const [mode, setMode] = useState<FunnelMode>("sequential");
  const [windowText, setWindowText] = useState("");
  const [by, setBy] = useState("");
  const [result, setResult] = useState<FunnelResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const windowOk = windowText === "" || /^\d+(ms|s|m|h|d|w)$/.test(windowText.trim());
  const run = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setResult(
        await logsApi.funnel(logId, {
          steps,
          mode,
          window: windowText.trim() || undefined,
          by: by.trim() || undefined,
        }),
      );
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const setStep = (i: number, v: string) => setSteps((s) => s.map((x, j) => (j === i ? v : x)));
  return (
    <section className="funnel-builder" aria-label="Funnel">
      <form onSubmit={run} className="funnel-form">
        <ol className="funnel-steps" aria-label="Funnel steps">
          {steps.map((s, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: steps are positions and may repeat
            <li key={i}>
              <select aria-label={`Step ${i + 1}`} value={s} onChange={(e) => setStep(i, e.target.value)}>
                {activities.map((a) => (
                  <option key={a} value={a}>
                    {a}
                  </option>
                ))}
              </select>
              <button
                type="button"
                className="btn ghost small"
                aria-label={`Remove step ${i + 1}`}
                onClick={() => setSteps((x) => x.filter((_, j) => j !== i))}
              >
                ✕
              </button>
            </li>
          ))}
          <li>
            <select
              aria-label="Add a step"
              value=""
              onChange={(e) => e.target.value && setSteps((x) => [...x, e.target.value])}
            >
              <option value="">+ Add step…</option>
              {activities.map((a) => (
                <option key={a} value={a}>
                  {a}
                </option>
              ))}
            </select>
          </li>
        </ol>
        <div className="funnel-options">
          <label>
            <span>Mode</span>
            <select value={mode} onChange={(e) => setMode(e.target.value as FunnelMode)}>
              {Object.entries(MODES).map(([k, v]) => (
                <option key={k} value={k}>
                  {v}
                </option>
              ))}
            </select>
          </label>
          <label htmlFor={`${id}-window`}>
            <span>Conversion window</span>
            <input
              id={`${id}-window`}
              placeholder="none, e.g. 14d"
              value={windowText}
              aria-invalid={!windowOk}
              onChange={(e) => setWindowText(e.target.value)}
              size={10}
            />
          </label>
          <label>
            <span>Breakdown by column</span>
            <input placeholder="e.g. channel" value={by} onChange={(e) => setBy(e.target.value)} size={12} />
          </label>
          <button type="submit" className="btn primary" disabled={steps.length < 2 || !windowOk || busy}>
            {busy ? "Computing…" : "Build funnel"}
          </button>
        </div>
        {!windowOk ? (
          <p className="error">Window: a number and a unit (ms, s, m, h, d, w), e.g. 14d.</p>
        ) : null}
        {steps.length < 2 ? <p className="muted">Pick at least two steps.</p> : null}
      </form>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      {result ? <FunnelResultView result={result} /> : null}
    </section>
  );
}

/** Chart, summary, table and time to convert of a funnel. */
export function FunnelResultView({ result }: { result: FunnelResult }) {
  const t = result.timeToConvert;
  const { ref, width } = useWidth<HTMLDivElement>(640);
  return (
    <div className="funnel-result" ref={ref}>
      <p className="funnel-summary">
        <strong>{fmtShare(result.conversion)}</strong> of {fmtCount(result.entered)} cases converted (
        {fmtCount(result.converted)}).
        {t
          ? ` Time to convert: median ${fmtDuration(t.medianMs)}, mean ${fmtDuration(t.meanMs)}, p90 ${fmtDuration(t.p90Ms)}.`
          : ""}
      </p>
      <FunnelChart result={result} width={Math.max(280, width)} />
      <FunnelTable result={result} />
    </div>
  );
}
