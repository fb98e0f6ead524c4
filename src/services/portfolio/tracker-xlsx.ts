import ExcelJS from "exceljs";
import { type PortfolioItem, TRACKER_COLUMNS, trackerRows } from "../../domain/portfolio/index.ts";

/** Name of the one sheet of the portfolio workbook. */
export const PORTFOLIO_SHEET = "Portfolio";

const WIDTHS: Record<(typeof TRACKER_COLUMNS)[number], number> = {
  Summary: 48,
  Description: 70,
  Assignee: 20,
  "Due date": 12,
  Labels: 36,
  Link: 44,
};

/**
 * The portfolio as an XLSX workbook with the issue-tracker columns of the CSV (same cells,
 * `trackerRows`): a header row, one row per item, the link as a hyperlink. Every cell is a
 * string, so text starting with "=" is never a formula.
 */
export async function toTrackerXlsx(items: readonly PortfolioItem[], linkBase: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Wayline";
  const ws = wb.addWorksheet(PORTFOLIO_SHEET, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = TRACKER_COLUMNS.map((c) => ({ header: c, key: c, width: WIDTHS[c] }));
  for (const row of trackerRows(items, linkBase)) {
    const added = ws.addRow(row);
    const link = row[TRACKER_COLUMNS.indexOf("Link")] ?? "";
    added.getCell(TRACKER_COLUMNS.length).value = { text: link, hyperlink: link };
    added.alignment = { wrapText: true, vertical: "top" };
  }
  ws.getRow(1).font = { bold: true };
  ws.autoFilter = { from: "A1", to: { row: 1, column: TRACKER_COLUMNS.length } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
