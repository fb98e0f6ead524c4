import type { LogStats } from "../../domain/journey-data/index.ts";
import { fmtCount, fmtDuration } from "./format.ts";

/** Statistics of a log: counts, case duration, start and end activities. */
export function LogStatsView({ stats }: { stats: LogStats }) {
  const tiles: [string, string][] = [
    ["Events", fmtCount(stats.events)],
    ["Cases", fmtCount(stats.cases)],
    ["Activities", fmtCount(stats.activities)],
    ["Variants", fmtCount(stats.variants)],
  ];
  const d = stats.caseDuration;
  return (
    <section className="log-stats" aria-label="Log statistics">
      <dl className="stat-tiles">
        {tiles.map(([k, v]) => (
          <div key={k} className="stat-tile" data-stat={k.toLowerCase()}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <dl className="stat-line">
        <dt>Case duration</dt>
        <dd>
          median {fmtDuration(d.medianMs)} · mean {fmtDuration(d.meanMs)} · p90 {fmtDuration(d.p90Ms)} · max{" "}
          {fmtDuration(d.maxMs)}
        </dd>
        <dt>Start activities</dt>
        <dd>{stats.startActivities.map((a) => `${a.activity} (${fmtCount(a.count)})`).join(", ") || "–"}</dd>
        <dt>End activities</dt>
        <dd>{stats.endActivities.map((a) => `${a.activity} (${fmtCount(a.count)})`).join(", ") || "–"}</dd>
      </dl>
    </section>
  );
}
