import type { DfgEdge, FunnelResult, LogStats, PathsResult, VariantsResult } from "../../analytics/engine.ts";
import { formatDuration } from "../../domain/duration.ts";

type Rows = string[][];
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

/** Table rows for `log stats`. */
export function statsRows(s: LogStats): Rows {
  const d = s.caseDuration;
  return [
    ["events", String(s.events)],
    ["cases", String(s.cases)],
    ["activities", String(s.activities)],
    ["variants", String(s.variants)],
    [
      "start activities",
      s.startActivities
        .slice(0, 5)
        .map((a) => `${a.activity} (${a.count})`)
        .join(", "),
    ],
    [
      "end activities",
      s.endActivities
        .slice(0, 5)
        .map((a) => `${a.activity} (${a.count})`)
        .join(", "),
    ],
    [
      "case duration",
      `median ${formatDuration(d.medianMs)}, mean ${formatDuration(d.meanMs)}, p90 ${formatDuration(d.p90Ms)}, max ${formatDuration(d.maxMs)}`,
    ],
  ];
}

/** Table rows for `log variants`. */
export function variantRows(v: VariantsResult): Rows {
  return [
    ["#", "cases", "share", "variant"],
    ...v.variants.map((x, i) => [String(i + 1), String(x.count), pct(x.share), x.activities.join(" → ")]),
    ["", "", pct(v.coverage), `covered by the top ${v.variants.length} of ${v.total} variants`],
  ];
}

/** Table rows for `log dfg`. */
export function dfgRows(edges: DfgEdge[]): Rows {
  return [
    ["from", "to", "count", "mean", "median"],
    ...edges.map((e) => [
      e.from,
      e.to,
      String(e.count),
      formatDuration(e.meanMs),
      formatDuration(e.medianMs),
    ]),
  ];
}

/** Table rows for `log paths`. */
export function pathRows(p: PathsResult): Rows {
  const show = (acts: string[]) =>
    (p.direction === "from" ? [p.anchor, ...acts] : [...acts, p.anchor]).join(" → ");
  return [
    ["cases", "share", `paths ${p.direction} "${p.anchor}"`],
    ...p.paths.map((x) => [String(x.count), pct(p.cases ? x.count / p.cases : 0), show(x.activities)]),
    [String(p.other), pct(p.cases ? p.other / p.cases : 0), `(other: ${p.otherPaths} paths)`],
  ];
}

/** Table rows for `log funnel`. */
export function funnelRows(f: FunnelResult): Rows {
  const rows: Rows = [["step", "cases", "conversion", "from previous", "drop-off"]];
  for (const s of f.steps)
    rows.push([s.activity, String(s.count), pct(s.conversion), pct(s.stepConversion), String(s.dropOff)]);
  const t = f.timeToConvert;
  rows.push(["", "", "", "", ""]);
  rows.push([
    "converted",
    String(f.converted),
    pct(f.conversion),
    t ? `median ${formatDuration(t.medianMs)}` : "",
    t ? `p90 ${formatDuration(t.p90Ms)}` : "",
  ]);
  for (const b of f.breakdown ?? [])
    rows.push([`  ${b.value}`, String(b.entered), pct(b.conversion), `${b.converted} converted`, ""]);
  return rows;
}
