import type { LogEvent } from "../model.ts";

/** The events of one case in order (timestamp, then file order). */
export interface Trace {
  /** Case id. */
  caseId: string;
  /** Ordered events. */
  events: LogEvent[];
}

/** Groups events by case and orders each case by (timestamp, seq); cases in first-seen order. */
export function buildTraces(events: readonly LogEvent[]): Trace[] {
  const byCase = new Map<string, LogEvent[]>();
  for (const e of events) {
    const list = byCase.get(e.caseId);
    if (list) list.push(e);
    else byCase.set(e.caseId, [e]);
  }
  const traces: Trace[] = [];
  for (const [caseId, list] of byCase) {
    list.sort((a, b) => a.timestamp - b.timestamp || a.seq - b.seq);
    traces.push({ caseId, events: list });
  }
  return traces;
}

/** The traces as they were at `before` (epoch ms, exclusive): later events cut, empty cases dropped. */
export function tracesBefore(traces: readonly Trace[], before: number): Trace[] {
  return traces.flatMap((t) => {
    const events = t.events.filter((e) => e.timestamp < before);
    return events.length > 0 ? [{ caseId: t.caseId, events }] : [];
  });
}

/** Counts keys and returns [key, count] sorted by count desc, then key in byte order. */
export function countSorted<K>(keys: Iterable<K>, keyText: (k: K) => string): { key: K; count: number }[] {
  const counts = new Map<string, { key: K; count: number }>();
  for (const k of keys) {
    const text = keyText(k);
    const hit = counts.get(text);
    if (hit) hit.count++;
    else counts.set(text, { key: k, count: 1 });
  }
  const texts = new Map<{ key: K; count: number }, Buffer>();
  for (const [text, entry] of counts) texts.set(entry, Buffer.from(text, "utf8"));
  return [...counts.values()].sort(
    (a, b) => b.count - a.count || Buffer.compare(texts.get(a) as Buffer, texts.get(b) as Buffer),
  );
}
