import type { ActivityCount, DfgEdge, VariantsResult } from "../../domain/journey-data/index.ts";

/** Id of the synthetic start and end nodes of the drawn process map. */
export const START = "\u0000start";
export const END = "\u0000end";

/** How many cases contain each activity and each directly-follows pair (from the variants). */
export interface CaseCoverage {
  /** Cases of the log. */
  cases: number;
  /** Share of the log's cases the variants cover (1 = every case). */
  covered: number;
  /** Cases containing the activity at least once. */
  activities: Map<string, number>;
  /** Cases containing the pair (key `from\u0000to`; START/END for the case's first/last activity). */
  edges: Map<string, number>;
}

/** A node of the process map: an activity, or the start/end of the cases. */
export interface ProcessNode {
  id: string;
  /** Activity name ("Start"/"End" for the terminals). */
  label: string;
  kind: "activity" | "start" | "end";
  /** Events of the activity (cases for the terminals). */
  events: number;
  /** Cases containing it (null when unknown). */
  cases: number | null;
}

/** An edge of the process map. */
export interface ProcessEdge {
  id: string;
  from: string;
  to: string;
  /** How often it is taken. */
  count: number;
  /** Median time between the two events (null for start/end edges). */
  medianMs: number | null;
  /** Cases taking it at least once (null when unknown). */
  cases: number | null;
}

/** The graph to draw. */
export interface ProcessGraph {
  nodes: ProcessNode[];
  edges: ProcessEdge[];
  /** Activities hidden by the coverage filter. */
  hiddenActivities: number;
  /** Edges hidden by the coverage filter. */
  hiddenEdges: number;
}

export const edgeKey = (from: string, to: string) => `${from}\u0000${to}`;

/** Case coverage of activities and directly-follows pairs, counted over the listed variants. */
export function caseCoverage(v: VariantsResult): CaseCoverage {
  const activities = new Map<string, number>();
  const edges = new Map<string, number>();
  const add = (m: Map<string, number>, k: string, n: number) => m.set(k, (m.get(k) ?? 0) + n);
  for (const variant of v.variants) {
    const seq = variant.activities;
    if (!seq.length) continue;
    for (const a of new Set(seq)) add(activities, a, variant.count);
    const pairs = new Set<string>([
      edgeKey(START, seq[0] as string),
      edgeKey(seq[seq.length - 1] as string, END),
    ]);
    for (let i = 1; i < seq.length; i++) pairs.add(edgeKey(seq[i - 1] as string, seq[i] as string));
    for (const p of pairs) add(edges, p, variant.count);
  }
  return { cases: v.cases, covered: v.coverage, activities, edges };
}

/**
 * The process map's nodes and edges: every activity of the directly-follows graph, a start and an
 * end node, and the edges among them. With `minShare` > 0 (and coverage known) only activities and
 * edges found in at least that share of cases stay; an edge whose end is hidden goes too.
 */
export function processGraph(input: {
  edges: readonly DfgEdge[];
  starts: readonly ActivityCount[];
  ends: readonly ActivityCount[];
  coverage: CaseCoverage | null;
  minShare: number;
}): ProcessGraph {
  const { coverage, minShare } = input;
  const events = new Map<string, number>();
  const add = (a: string, n: number) => events.set(a, (events.get(a) ?? 0) + n);
  for (const s of input.starts) add(s.activity, s.count);
  for (const e of input.edges) {
    add(e.to, e.count);
    if (!events.has(e.from)) events.set(e.from, 0);
  }
  for (const e of input.ends) if (!events.has(e.activity)) events.set(e.activity, e.count);
  const need = coverage ? minShare * coverage.cases : 0;
  const keeps = (cases: number | null) => minShare <= 0 || cases === null || cases >= need - 1e-9;
  const casesOf = (a: string) => (coverage ? (coverage.activities.get(a) ?? 0) : null);
  const edgeCases = (from: string, to: string) =>
    coverage ? (coverage.edges.get(edgeKey(from, to)) ?? 0) : null;

  const activities = [...events.keys()].filter((a) => keeps(casesOf(a)));
  const shown = new Set(activities);
  const totalCases = input.starts.reduce((n, s) => n + s.count, 0);
  const nodes: ProcessNode[] = [
    { id: START, label: "Start", kind: "start", events: totalCases, cases: coverage?.cases ?? null },
    ...activities.map((a) => ({
      id: a,
      label: a,
      kind: "activity" as const,
      events: events.get(a) ?? 0,
      cases: casesOf(a),
    })),
    { id: END, label: "End", kind: "end", events: totalCases, cases: coverage?.cases ?? null },
  ];
  const candidates: ProcessEdge[] = [
    ...input.starts.map((s) => terminal(START, s.activity, s.count, edgeCases(START, s.activity))),
    ...input.edges.map((e) => ({
      id: edgeKey(e.from, e.to),
      from: e.from,
      to: e.to,
      count: e.count,
      medianMs: e.medianMs,
      cases: edgeCases(e.from, e.to),
    })),
    ...input.ends.map((s) => terminal(s.activity, END, s.count, edgeCases(s.activity, END))),
  ];
  const isShown = (id: string) => id === START || id === END || shown.has(id);
  const edges = candidates.filter((e) => isShown(e.from) && isShown(e.to) && keeps(e.cases));
  // Under a filter, an activity left without any path is noise: it goes too.
  const linked = new Set(edges.flatMap((e) => [e.from, e.to]));
  const drawn = minShare > 0 ? nodes.filter((n) => n.kind !== "activity" || linked.has(n.id)) : nodes;
  return {
    nodes: drawn,
    edges,
    hiddenActivities: events.size - (drawn.length - 2),
    hiddenEdges: candidates.length - edges.length,
  };
}

function terminal(from: string, to: string, count: number, cases: number | null): ProcessEdge {
  return { id: edgeKey(from, to), from, to, count, medianMs: null, cases };
}
