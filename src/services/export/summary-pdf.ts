import { existsSync } from "node:fs";
import PDFDocument from "pdfkit";
import type { StakeholderSummary, SummaryPainPoint } from "../../domain/analysis/index.ts";
import { DEFAULT_EXPORT_OPTIONS, type JourneyMap, type Persona } from "../../domain/index.ts";
import { drawPicture, registerPictureFonts } from "./pdf.ts";

const FONT_DIR = "/usr/share/fonts/truetype/dejavu";
const INK = "#1f2933";
const MUTED = "#616e7c";
const ACCENT = "#2f5fb3";
const DANGER = "#b42318";

/** Regular and bold fonts: DejaVu (full Unicode) when installed, else PDF's built-in Helvetica. */
function fonts(): { regular: string; bold: string; unicode: boolean } {
  const regular = `${FONT_DIR}/DejaVuSans.ttf`;
  const bold = `${FONT_DIR}/DejaVuSans-Bold.ttf`;
  if (existsSync(regular) && existsSync(bold)) return { regular, bold, unicode: true };
  return { regular: "Helvetica", bold: "Helvetica-Bold", unicode: false };
}

type Doc = PDFKit.PDFDocument;

function heading(doc: Doc, f: ReturnType<typeof fonts>, text: string): void {
  doc.moveDown(0.8).font(f.bold).fontSize(13).fillColor(ACCENT).text(text).moveDown(0.3);
  doc.font(f.regular).fontSize(10).fillColor(INK);
}

function painLine(p: SummaryPainPoint): string {
  const who = p.owner ? `owner ${p.owner}` : "no owner";
  const due = p.dueDate ? `due ${p.dueDate}` : "no due date";
  const reach = p.reach === null ? "reach unknown" : `reach ${Math.round(p.reach * 100)} %`;
  return `${p.text} — ${p.stageName}; ${p.impact ?? "impact unknown"}, ${reach}; ${who}, ${due}`;
}

function painList(
  doc: Doc,
  f: ReturnType<typeof fonts>,
  rows: readonly SummaryPainPoint[],
  empty: string,
): void {
  if (rows.length === 0) {
    doc.fillColor(MUTED).text(empty).fillColor(INK);
    return;
  }
  for (const p of rows) {
    doc
      .font(f.bold)
      .fillColor(p.overdue ? DANGER : INK)
      .text(`${p.rank}. `, { continued: true });
    doc.font(f.regular).text(painLine(p), { continued: p.overdue });
    if (p.overdue) doc.font(f.bold).text("  OVERDUE");
    doc.fillColor(INK).moveDown(0.2);
  }
}

/** The map and its personas, for the pictures of the summary. */
export interface SummaryPictures {
  map: JourneyMap;
  personas: Persona[];
}

/** The emotion curve (the map's emotion lanes with the stage headers) under the health line. */
function emotionPicture(doc: Doc, p: SummaryPictures): void {
  const lanes = p.map.lanes.filter((l) => l.type === "emotion").map((l) => l.id as string);
  if (!lanes.length || !p.map.emotionPoints.length) return;
  heading(doc, fonts(), "Emotion curve");
  const width = doc.page.width - 2 * 56;
  const height = drawPicture(
    doc,
    { ...p, options: { ...DEFAULT_EXPORT_OPTIONS, lanes } },
    56,
    doc.y,
    width,
    260,
  );
  doc.y += height + 8;
  doc.x = 56;
}

/** The whole map on a landscape page at the end. */
function mapPicture(doc: Doc, p: SummaryPictures): void {
  doc.addPage({ size: "A4", layout: "landscape", margin: 28 });
  doc.font(fonts().bold).fontSize(13).fillColor(ACCENT).text("The map");
  drawPicture(
    doc,
    { ...p, options: DEFAULT_EXPORT_OPTIONS },
    28,
    doc.y + 4,
    doc.page.width - 56,
    doc.page.height - doc.y - 40,
  );
}

/** Renders the stakeholder summary as an A4 PDF (readable, printable), with pictures of the map when given. */
export function summaryToPdf(s: StakeholderSummary, pictures?: SummaryPictures): Promise<Buffer> {
  const f = fonts();
  const doc = new PDFDocument({
    size: "A4",
    margin: 56,
    info: { Title: `${s.title} — stakeholder summary`, Creator: "Wayline" },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  doc.font(f.bold).fontSize(20).fillColor(INK).text(s.title);
  doc
    .font(f.regular)
    .fontSize(10)
    .fillColor(MUTED)
    .text(
      `Stakeholder summary · ${s.kind.replace(/_/g, " ")} · ${s.status.replace(/_/g, " ")} · as of ${s.today}`,
    );
  doc
    .moveDown(0.5)
    .fillColor(INK)
    .fontSize(11)
    .text(
      `Map health: ${s.health.score}/100 (${s.health.counts.error} errors, ${s.health.counts.warning} warnings)`,
    );
  if (pictures) {
    registerPictureFonts(doc);
    emotionPicture(doc, pictures);
  }
  heading(doc, f, "Goal");
  const goal = [
    s.goal.statement,
    s.goal.metric && `Measured by: ${s.goal.metric}`,
    s.goal.target && `Target: ${s.goal.target}`,
  ].filter(Boolean);
  doc.text(goal.length ? goal.join("\n") : "No goal statement yet.");
  heading(doc, f, "Highest-priority pain points");
  painList(doc, f, s.topPainPoints, "No open pain points.");
  heading(doc, f, "Overdue actions");
  painList(doc, f, s.overdue, "Nothing is overdue.");
  heading(doc, f, "Opportunities");
  if (s.opportunities.length === 0) doc.fillColor(MUTED).text("No opportunities recorded.").fillColor(INK);
  for (const o of s.opportunities) {
    const tags = [
      o.quickWin ? "quick win" : null,
      o.effort ? `${o.effort} effort` : null,
      o.ownerTeams.length ? `owners: ${o.ownerTeams.join(", ")}` : null,
    ].filter(Boolean);
    doc.text(`• ${o.text} — ${o.stageName}${tags.length ? ` (${tags.join("; ")})` : ""}`);
    if (o.addresses.length)
      doc
        .fillColor(MUTED)
        .text(`   addresses: ${o.addresses.join("; ")}`)
        .fillColor(INK);
  }
  heading(doc, f, "Action plan");
  painList(doc, f, s.actionPlan, "No actions.");
  heading(doc, f, "Moments of truth");
  if (s.momentsOfTruth.length === 0) doc.fillColor(MUTED).text("None found.").fillColor(INK);
  for (const m of s.momentsOfTruth) doc.text(`• ${m.stageName}: ${m.reasons.join("; ")}`);
  if (pictures?.map.stages.length) mapPicture(doc, pictures);
  doc.end();
  return done;
}
