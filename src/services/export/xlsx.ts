import ExcelJS from "exceljs";
import {
  CARD_COLUMNS,
  cardRows,
  type ExportInput,
  type GridImportOptions,
  gridToMap,
  type ImportContext,
  invalid,
  mapToGrid,
  sortOrdered,
} from "../../domain/index.ts";
import { applyCardsSheet, laneTypesFromCards } from "./xlsx-cards.ts";

/** Names of the sheets Wayline writes. */
export const SHEETS = { grid: "Grid", cards: "Cards", emotions: "Emotions" } as const;

function gridSheet(wb: ExcelJS.Workbook, input: ExportInput): void {
  const ws = wb.addWorksheet(SHEETS.grid, { views: [{ state: "frozen", xSplit: 1, ySplit: 1 }] });
  for (const row of mapToGrid(input.map, input.personas)) ws.addRow(row);
  ws.columns.forEach((c, i) => {
    c.width = i === 0 ? 26 : 34;
    c.alignment = { wrapText: true, vertical: "top" };
  });
  ws.getRow(1).font = { bold: true };
  ws.getColumn(1).font = { bold: true };
}

function cardsSheet(wb: ExcelJS.Workbook, input: ExportInput): void {
  const ws = wb.addWorksheet(SHEETS.cards, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = CARD_COLUMNS.map((c) => ({ header: c, key: c, width: c === "text" ? 50 : 16 }));
  for (const r of cardRows(input.map)) ws.addRow(r);
  ws.getRow(1).font = { bold: true };
  ws.autoFilter = { from: "A1", to: { row: 1, column: CARD_COLUMNS.length } };
}

function emotionSheet(wb: ExcelJS.Workbook, input: ExportInput): void {
  const { map, personas } = input;
  const ws = wb.addWorksheet(SHEETS.emotions, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = [
    { header: "persona", key: "persona", width: 20 },
    { header: "stage", key: "stage", width: 24 },
    { header: "step", key: "step", width: 16 },
    { header: "value", key: "value", width: 8 },
    { header: "label", key: "label", width: 14 },
    { header: "reason", key: "reason", width: 60 },
  ];
  const order = new Map(sortOrdered(map.stages).map((s, i) => [s.id as string, i]));
  const points = [...map.emotionPoints].sort(
    (a, b) => (order.get(a.stageId) ?? 0) - (order.get(b.stageId) ?? 0),
  );
  for (const e of points) {
    const stage = map.stages.find((s) => s.id === e.stageId);
    ws.addRow({
      persona: e.personaId ? (personas.find((p) => p.id === e.personaId)?.name ?? e.personaId) : "",
      stage: stage?.name ?? "",
      step: e.stepId ? (stage?.steps.find((s) => s.id === e.stepId)?.name ?? "") : "",
      value: e.value,
      label: map.emotionScale.levels.find((l) => l.value === e.value)?.label ?? "",
      reason: e.reason,
    });
  }
  ws.getRow(1).font = { bold: true };
}

/** XLSX export: the grid, every card with its typed fields, and the emotion points. */
export async function mapToXlsx(input: ExportInput): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Wayline";
  wb.title = input.map.title;
  wb.created = new Date(input.exportedAt);
  gridSheet(wb, input);
  cardsSheet(wb, input);
  emotionSheet(wb, input);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Text of a cell as a person reads it (rich text, numbers, formulas' results). */
function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return "";
  if (typeof v === "object" && "richText" in v) return v.richText.map((r) => r.text).join("");
  if (typeof v === "object" && "result" in v) return String(v.result ?? "");
  return cell.text ?? String(v);
}

/** The sheet a workbook's grid is on: "Grid" when present, else the first sheet. */
export async function readWorkbookGrid(
  bytes: Uint8Array,
): Promise<{ sheet: string; rows: string[][]; cards: ExcelJS.Worksheet | undefined }> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw invalid("invalid_document", "not an Excel workbook", [
      { path: "(file)", message: (e as Error).message },
    ]);
  }
  const ws = wb.getWorksheet(SHEETS.grid) ?? wb.worksheets[0];
  if (!ws)
    throw invalid("invalid_document", "the workbook has no sheet", [
      { path: "(file)", message: "no worksheet" },
    ]);
  const rows: string[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      cells[c - 1] = cellText(cell);
    });
    rows[n - 1] = Array.from({ length: cells.length }, (_, i) => cells[i] ?? "");
  });
  return {
    sheet: ws.name,
    rows: Array.from({ length: rows.length }, (_, i) => rows[i] ?? []),
    cards: ws.name === SHEETS.grid ? wb.getWorksheet(SHEETS.cards) : undefined,
  };
}

/** XLSX import of a team's grid (stages across row 1, lanes down column A). */
export async function xlsxToMap(
  bytes: Uint8Array,
  ctx: ImportContext,
  opts: Omit<GridImportOptions, "sheet"> = {},
) {
  const { sheet, rows, cards } = await readWorkbookGrid(bytes);
  const laneTypes = { ...(cards ? laneTypesFromCards(cards, rows) : {}), ...opts.laneTypes };
  const result = gridToMap(rows, ctx, { ...opts, laneTypes, sheet });
  if (!cards) return result;
  const problems = applyCardsSheet(result, cards);
  if (problems.length) throw invalid("invalid_document", "the Cards sheet cannot be imported", problems);
  return result;
}
