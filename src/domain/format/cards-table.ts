import type { Card } from "../model/card.ts";
import type { JourneyMap } from "../model/journey-map.ts";
import { LANE_TYPES } from "../model/lane-types.ts";
import { sortOrdered } from "../ordering.ts";

/** Columns of the cards table (spreadsheet "Cards" sheet): every card and all its typed fields. */
export const CARD_COLUMNS = [
  "id",
  "lane",
  "lane type",
  "stage",
  "text",
  "kind",
  "confidence",
  "sample",
  "colour",
  "channel",
  "mode",
  "owner team",
  "frequency",
  "bot",
  "impact",
  "reach",
  "owner",
  "due",
  "status",
  "effort",
  "quick win",
  "fixes",
  "kpi",
  "value",
  "target",
  "unit",
  "source",
  "as of",
  "department",
  "actor",
  "triggers",
  "url",
  "alt",
  "link kind",
  "evidence",
] as const;
type Column = (typeof CARD_COLUMNS)[number];
/** One row of the cards table: text, numbers, booleans or empty. */
export type CardRow = Partial<Record<Column, string | number | boolean | null>>;

function fieldCells(c: Card, names: Map<string, string>): CardRow {
  const f = c.fields;
  switch (f.kind) {
    case "touchpoint":
      return {
        channel: f.channel,
        mode: f.mode,
        "owner team": f.ownerTeam,
        frequency: f.frequency,
        bot: f.isBot,
      };
    case "channel":
      return { channel: f.channel };
    case "pain":
      return { impact: f.impact, reach: f.reach, owner: f.owner, due: f.dueDate, status: f.status };
    case "idea":
      return {
        effort: f.effort,
        "quick win": f.quickWin,
        fixes: f.painPointIds.map((id) => names.get(id) ?? id).join("\n"),
      };
    case "kpi":
      return {
        kpi: f.name,
        value: f.value,
        target: f.target,
        unit: f.unit,
        source: f.source,
        "as of": f.asOf,
      };
    case "ownership":
      return { department: f.department };
    case "blueprint":
      return { "owner team": f.ownerTeam };
    case "handoff":
      return { actor: f.actor, triggers: f.triggers.join("\n") };
    case "image":
      return { url: f.url, alt: f.alt };
    case "link":
      return { url: f.url, "link kind": f.linkKind };
    case "note":
      return {};
  }
}

/** Every card of a map as a table row, in lane then stage order. */
export function cardRows(map: JourneyMap): CardRow[] {
  const lanes = new Map(map.lanes.map((l) => [l.id as string, l]));
  const stages = new Map(map.stages.map((s) => [s.id as string, s]));
  const laneOrder = new Map(sortOrdered(map.lanes).map((l, i) => [l.id as string, i]));
  const stageOrder = new Map(sortOrdered(map.stages).map((s, i) => [s.id as string, i]));
  const names = new Map(map.cards.map((c) => [c.id as string, c.text]));
  return [...map.cards]
    .sort(
      (a, b) =>
        (laneOrder.get(a.laneId) ?? 0) - (laneOrder.get(b.laneId) ?? 0) ||
        (stageOrder.get(a.stageId) ?? 0) - (stageOrder.get(b.stageId) ?? 0),
    )
    .map((c) => {
      const lane = lanes.get(c.laneId);
      return {
        id: c.id,
        lane: lane?.name ?? "",
        "lane type": lane ? LANE_TYPES[lane.type].label : "",
        stage: stages.get(c.stageId)?.name ?? "",
        text: c.text,
        kind: c.fields.kind,
        confidence: c.confidence,
        sample: c.isSample,
        colour: c.color,
        evidence: c.evidence.length || null,
        ...fieldCells(c, names),
      };
    });
}

const str = (v: unknown): string | null => (v === null || v === undefined || v === "" ? null : String(v));
const num = (v: unknown): number | null => (str(v) === null ? null : Number(v));
const bool = (v: unknown): boolean => v === true || String(v).toLowerCase() === "true";
const list = (v: unknown): string[] =>
  (str(v) ?? "")
    .split(/\r?\n/)
    .map((x) => x.trim())
    .filter(Boolean);

/**
 * Typed fields of a card of a kind from a cards-table row (the inverse of `cardRows`), unchecked:
 * the caller validates with `CardFieldsSchema`. Ideas get their pain points by text (`fixes`).
 */
export function fieldsFromRow(
  kind: string,
  r: CardRow,
  painIdByText: (text: string) => string | undefined,
): unknown {
  switch (kind) {
    case "touchpoint":
      return {
        kind,
        channel: str(r.channel),
        mode: str(r.mode),
        ownerTeam: str(r["owner team"]),
        frequency: str(r.frequency),
        isBot: bool(r.bot),
      };
    case "channel":
      return { kind, channel: str(r.channel) ?? "other" };
    case "pain":
      return {
        kind,
        impact: str(r.impact),
        reach: num(r.reach),
        owner: str(r.owner),
        dueDate: str(r.due),
        status: str(r.status) ?? "open",
      };
    case "idea":
      return {
        kind,
        effort: str(r.effort),
        quickWin: bool(r["quick win"]),
        painPointIds: list(r.fixes).flatMap((t) => painIdByText(t) ?? []),
      };
    case "kpi":
      return {
        kind,
        name: str(r.kpi) ?? "",
        value: num(r.value),
        target: num(r.target),
        unit: str(r.unit) ?? "",
        source: str(r.source) ?? "",
        asOf: str(r["as of"]),
      };
    case "ownership":
      return { kind, department: str(r.department) ?? "" };
    case "blueprint":
      return { kind, ownerTeam: str(r["owner team"]) };
    case "handoff":
      return { kind, actor: str(r.actor) ?? "bot", triggers: list(r.triggers) };
    case "image":
      return { kind, url: str(r.url), alt: str(r.alt) ?? "" };
    case "link":
      return { kind, url: str(r.url), linkKind: str(r["link kind"]) ?? "other" };
    default:
      return { kind: "note" };
  }
}
