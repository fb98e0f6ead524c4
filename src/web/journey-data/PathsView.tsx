import { useEffect, useState } from "react";
import type { PathsResult } from "../../domain/journey-data/index.ts";
import { logsApi } from "../api/logs.ts";
import { fmtCount, fmtShare } from "./format.ts";

/** Paths from or to an anchor activity, drawn as bars of sequences, with the "other" bucket. */
export function PathsView({ logId, activities }: { logId: string; activities: string[] }) {
  const [anchor, setAnchor] = useState(activities[0] ?? "");
  const [direction, setDirection] = useState<"from" | "to">("from");
  const [depth, setDepth] = useState(3);
  const [result, setResult] = useState<PathsResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!anchor) return;
    let live = true;
    logsApi.paths(logId, { [direction]: anchor, depth, top: 10 }).then(
      (r) => {
        if (!live) return;
        setResult(r);
        setError(null);
      },
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [logId, anchor, direction, depth]);
  const max = Math.max(1, ...(result?.paths.map((p) => p.count) ?? []), result?.other ?? 0);
  return (
    <section aria-label="Paths" className="paths-view">
      <div className="funnel-options">
        <label>
          <span>Direction</span>
          <select value={direction} onChange={(e) => setDirection(e.target.value as "from" | "to")}>
            <option value="from">What happens after</option>
            <option value="to">What leads to</option>
          </select>
        </label>
        <label>
          <span>Anchor activity</span>
          <select value={anchor} onChange={(e) => setAnchor(e.target.value)}>
            {activities.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Depth</span>
          <input
            type="number"
            min={1}
            max={20}
            value={depth}
            onChange={(e) => setDepth(Number(e.target.value) || 1)}
          />
        </label>
      </div>
      {error ? <p className="error">{error}</p> : null}
      {result ? (
        <>
          <p className="muted">
            {fmtCount(result.cases)} cases contain “{result.anchor}”.
          </p>
          <ul className="paths">
            {result.paths.map((p) => (
              <li key={p.activities.join("\u0000")}>
                <span className="bar" aria-hidden="true">
                  <span style={{ width: `${(p.count / max) * 100}%` }} />
                </span>
                <span className="num">
                  {fmtCount(p.count)} · {fmtShare(result.cases ? p.count / result.cases : 0)}
                </span>
                <ol className="sequence">
                  {direction === "from" ? <li className="anchor">{result.anchor}</li> : null}
                  {p.activities.length === 0 ? <li className="muted">(case ends)</li> : null}
                  {p.activities.map((a, j) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: activities repeat within a path
                    <li key={j}>{a}</li>
                  ))}
                  {direction === "to" ? <li className="anchor">{result.anchor}</li> : null}
                </ol>
              </li>
            ))}
            {result.other ? (
              <li className="other">
                <span className="bar" aria-hidden="true">
                  <span style={{ width: `${(result.other / max) * 100}%` }} />
                </span>
                <span className="num">{fmtCount(result.other)}</span>
                <span className="muted">Other ({fmtCount(result.otherPaths)} paths)</span>
              </li>
            ) : null}
          </ul>
        </>
      ) : null}
    </section>
  );
}
