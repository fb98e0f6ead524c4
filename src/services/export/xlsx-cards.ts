import type ExcelJS from "exceljs";
import {
  CARD_COLUMNS,
  CardFieldsSchema,
  type CardRow,
  canonicalMap,
  cardKindOf,
  columnName,
  fieldsFromRow,
  type ImportResult,
  LANE_TYPES,
  type LaneType,
  type Problem,
} from "../../domain/index.ts";

function rowsOf(ws: ExcelJS.Worksheet): { n: number; row: CardRow }[] {
  const head = (ws.getRow(1).values as unknown[]).slice(1).map(String);
  const out: { n: number; row: CardRow }[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const values = (row.values as unknown[]).slice(1);
    const r: CardRow = {};
    head.forEach((h, i) => {
      if ((CARD_COLUMNS as readonly string[]).includes(h))
        (r as Record<string, unknown>)[h] = values[i] ?? null;
    });
    out.push({ n, row: r });
  });
  return out;
}

/** Lane types a Wayline "Cards" sheet names ("lane type" column), by 1-based row of the grid. */
export function laneTypesFromCards(ws: ExcelJS.Worksheet, grid: string[][]): Record<number, LaneType> {
  const byLabel = new Map(Object.entries(LANE_TYPES).map(([t, v]) => [v.label, t as LaneType]));
  const byLane = new Map<string, LaneType>();
  for (const { row } of rowsOf(ws)) {
    const t = byLabel.get(String(row["lane type"] ?? ""));
    if (t && row.lane) byLane.set(String(row.lane), t);
  }
  const out: Record<number, LaneType> = {};
  grid.forEach((r, i) => {
    const t = byLane.get((r[0] ?? "").trim());
    if (i > 0 && t) out[i + 1] = t;
  });
  return out;
}

/**
 * Gives the cards of an imported grid the typed fields of a "Cards" sheet (as Wayline writes
 * it): each row finds its card by lane, stage and text. Invalid values are problems located in the
 * sheet; rows without a matching card are ignored with a warning.
 */
export function applyCardsSheet(result: ImportResult, ws: ExcelJS.Worksheet): Problem[] {
  const map = result.document.map;
  const head = (ws.getRow(1).values as unknown[]).slice(1).map(String);
  const col = (k: string) => columnName(Math.max(0, head.indexOf(k)));
  const lanes = new Map(map.lanes.map((l) => [l.name, l]));
  const stages = new Map(map.stages.map((s) => [s.name, s.id as string]));
  const used = new Set<string>();
  const problems: Problem[] = [];
  const rows = rowsOf(ws);
  const painByText = (t: string) => map.cards.find((c) => c.fields.kind === "pain" && c.text === t)?.id;
  for (const { n, row } of rows) {
    const lane = lanes.get(String(row.lane ?? ""));
    const stageId = stages.get(String(row.stage ?? ""));
    const card = map.cards.find(
      (c) =>
        !used.has(c.id) &&
        c.laneId === lane?.id &&
        c.stageId === stageId &&
        c.text === String(row.text ?? ""),
    );
    if (!card || !lane) {
      result.warnings.push({
        path: `${ws.name}!A${n}`,
        message: "no card with this lane, stage and text in the grid; row ignored",
      });
      continue;
    }
    used.add(card.id);
    const kind = cardKindOf(lane.type) ?? "note";
    const parsed = CardFieldsSchema.safeParse(fieldsFromRow(kind, row, painByText));
    if (!parsed.success) {
      for (const i of parsed.error.issues)
        problems.push({
          path: `${ws.name}!${col(String(i.path[0] ?? "kind"))}${n}`,
          message: `${String(i.path[0] ?? "")}: ${i.message}`,
        });
      continue;
    }
    card.fields = parsed.data;
    if (row.confidence === "observed" || row.confidence === "validated") card.confidence = row.confidence;
  }
  result.document.map = canonicalMap(map);
  return problems;
}
