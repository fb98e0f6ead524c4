import type { ActivityCount, DfgEdge } from "../../domain/journey-data/index.ts";

/** A placed activity of the drawn directly-follows graph. */
export interface DfgNode {
  activity: string;
  /** Events of the activity (incoming edges + cases starting with it). */
  events: number;
  layer: number;
  row: number;
}

/** Nodes placed in layers by their shortest distance from a start activity, busiest first per layer. */
export function layoutDfg(edges: readonly DfgEdge[], starts: readonly ActivityCount[]): DfgNode[] {
  const events = new Map<string, number>();
  const out = new Map<string, string[]>();
  for (const s of starts) events.set(s.activity, (events.get(s.activity) ?? 0) + s.count);
  for (const e of edges) {
    events.set(e.to, (events.get(e.to) ?? 0) + e.count);
    if (!events.has(e.from)) events.set(e.from, 0);
    out.set(e.from, [...(out.get(e.from) ?? []), e.to]);
  }
  const layer = new Map<string, number>();
  let frontier = starts.map((s) => s.activity).filter((a) => events.has(a));
  if (!frontier.length) frontier = [...events.keys()].slice(0, 1);
  for (const a of frontier) layer.set(a, 0);
  for (let d = 1; frontier.length; d++) {
    const next: string[] = [];
    for (const a of frontier)
      for (const b of out.get(a) ?? [])
        if (!layer.has(b)) {
          layer.set(b, d);
          next.push(b);
        }
    frontier = next;
  }
  const maxLayer = Math.max(0, ...layer.values());
  for (const a of events.keys()) if (!layer.has(a)) layer.set(a, maxLayer + 1);
  const byLayer = new Map<number, string[]>();
  for (const [a, l] of layer) byLayer.set(l, [...(byLayer.get(l) ?? []), a]);
  const nodes: DfgNode[] = [];
  for (const [l, list] of byLayer) {
    list.sort((a, b) => (events.get(b) ?? 0) - (events.get(a) ?? 0) || a.localeCompare(b));
    list.forEach((a, row) => nodes.push({ activity: a, events: events.get(a) ?? 0, layer: l, row }));
  }
  return nodes.sort((a, b) => a.layer - b.layer || a.row - b.row);
}
