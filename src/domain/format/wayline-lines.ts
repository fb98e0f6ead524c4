import type { Problem } from "../errors.ts";
import { checkNativeDocument, type NativeDocument } from "./native.ts";

/**
 * `%% wayline:` lines: what Mermaid cannot express, as one JSON record per line (git diffs stay
 * readable: one changed card is one changed line). The first record carries a hash of the visible
 * Mermaid, so an import can tell whether someone edited the diagram by hand since the export.
 */
type WRecord =
  | { t: "head"; v: number; exportedAt: string; body: string }
  | { t: "map"; value: unknown }
  | { t: "persona" | "phase" | "stage" | "lane" | "card" | "emotion" | "rule"; value: unknown };

const LIST_KEYS = {
  phase: "phases",
  stage: "stages",
  lane: "lanes",
  card: "cards",
  emotion: "emotionPoints",
  rule: "activityRules",
} as const;

/** FNV-1a hash (hex) of the visible Mermaid lines, ignoring indentation, blanks and `%%` lines. */
export function bodyHash(text: string): string {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "" && !l.startsWith("%%"));
  let h = 0x811c9dc5;
  for (const ch of lines.join("\n")) {
    h ^= ch.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

/** The `%% wayline:` lines of a document whose visible Mermaid is `body`. */
export function waylineLines(doc: NativeDocument, body: readonly string[]): string[] {
  const { phases, stages, lanes, cards, emotionPoints, activityRules, ...props } = doc.map;
  const records: WRecord[] = [
    { t: "head", v: doc.version, exportedAt: doc.exportedAt, body: bodyHash(body.join("\n")) },
    { t: "map", value: props },
    ...doc.personas.map((value) => ({ t: "persona" as const, value })),
    ...phases.map((value) => ({ t: "phase" as const, value })),
    ...stages.map((value) => ({ t: "stage" as const, value })),
    ...lanes.map((value) => ({ t: "lane" as const, value })),
    ...cards.map((value) => ({ t: "card" as const, value })),
    ...emotionPoints.map((value) => ({ t: "emotion" as const, value })),
    ...activityRules.map((value) => ({ t: "rule" as const, value })),
  ];
  return records.map((r) => `%% wayline: ${JSON.stringify(r)}`);
}

/** Outcome of reading `%% wayline:` lines: the document, stale (edited) data, or broken lines. */
export type WaylineRead = { ok: true; document: NativeDocument } | { ok: false; problems: Problem[] };

function parseRecords(lines: readonly { text: string; line: number }[]): {
  records: WRecord[];
  problems: Problem[];
} {
  const records: WRecord[] = [];
  const problems: Problem[] = [];
  for (const l of lines) {
    try {
      const r = JSON.parse(l.text) as WRecord;
      if (typeof r !== "object" || r === null || typeof r.t !== "string") throw new Error("no record type");
      records.push(r);
    } catch (e) {
      problems.push({
        path: `line ${l.line}`,
        message: `unreadable %% wayline: line (${(e as Error).message})`,
      });
    }
  }
  return { records, problems };
}

/** Rebuilds the document from its lines; `{ ok: false, problems: [] }` means the Mermaid was edited. */
export function readWaylineLines(
  lines: readonly { text: string; line: number }[],
  text: string,
): WaylineRead {
  const { records, problems } = parseRecords(lines);
  if (problems.length) return { ok: false, problems };
  const head = records.find((r) => r.t === "head") as Extract<WRecord, { t: "head" }> | undefined;
  const props = records.find((r) => r.t === "map") as Extract<WRecord, { t: "map" }> | undefined;
  if (!head || !props)
    return {
      ok: false,
      problems: [{ path: `line ${lines[0]?.line ?? 1}`, message: "missing head or map record" }],
    };
  if (head.body !== bodyHash(text)) return { ok: false, problems: [] };
  const map: { [k: string]: unknown } = { ...(props.value as object) };
  for (const list of Object.values(LIST_KEYS)) map[list] = [];
  const personas: unknown[] = [];
  for (const r of records) {
    if (r.t === "persona") personas.push(r.value);
    else if (r.t !== "head" && r.t !== "map" && r.t in LIST_KEYS)
      (map[LIST_KEYS[r.t as keyof typeof LIST_KEYS]] as unknown[]).push(r.value);
  }
  const check = checkNativeDocument({
    format: "wayline",
    version: head.v,
    exportedAt: head.exportedAt,
    map,
    personas,
  });
  if (check.ok) return check;
  return {
    ok: false,
    problems: check.problems.map((p) => ({ path: `%% wayline: ${p.path}`, message: p.message })),
  };
}
