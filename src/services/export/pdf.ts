import PDFDocument from "pdfkit";
import SVGtoPDF from "svg-to-pdfkit";
import { type ExportInput, type JourneyMap, sortOrdered } from "../../domain/index.ts";
import { layoutPicture, PICTURE } from "../../render/picture-layout.ts";
import { PICTURE_THEMES } from "../../render/picture-theme.ts";
import { bundledFonts, fontRuns } from "./fonts.ts";
import { pictureView, renderPictureSvg } from "./svg.ts";

/** Landscape page sizes in pt. */
export const PAGE_SIZES = {
  A4: [841.89, 595.28],
  A3: [1190.55, 841.89],
  A1: [2383.94, 1683.78],
  A0: [3370.39, 2383.94],
} as const;
const MARGIN = 28;
const PX = 0.75;

type Doc = PDFKit.PDFDocument;
type View = ReturnType<typeof pictureView>;

/** Draws a laid-out picture (`view.layout` is the layout of `view.map`) at (x, y), scaled. */
function draw(
  doc: Doc,
  view: Pick<View, "map" | "personas" | "overlay" | "layout">,
  theme: "light" | "dark",
  x: number,
  y: number,
  scale: number,
) {
  const layout = view.layout;
  const w = layout.width * scale;
  const h = layout.height * scale;
  // The root's width/height decide the drawn size in svg-to-pdfkit; the viewBox scales the content.
  const svg = renderPictureSvg({ ...view, layout }, { theme, embedFonts: false, fontFor: fontRuns }).replace(
    /^<svg([^>]*?) width="[\d.]+" height="[\d.]+"/,
    `<svg$1 width="${w}" height="${h}"`,
  );
  SVGtoPDF(doc, svg, x, y, {
    width: w * PX,
    height: h * PX,
    fontCallback: (family: string, bold: boolean) => {
      const name = family.replace(/["']/g, "").split(",")[0]?.trim() ?? "Inter-latin";
      const base = registered.has(name) ? name : "Inter-latin";
      return bold ? `${base}-Bold` : base;
    },
    warningCallback: () => {},
  });
}

/** Registers the bundled fonts the picture's text is drawn with (names svg-to-pdfkit asks for). */
export function registerPictureFonts(doc: Doc): void {
  const fonts = bundledFonts();
  for (const f of fonts) doc.registerFont(f.pdfName, f.file);
  // Faces with one weight draw their bold text with it.
  for (const f of fonts)
    if (f.weight === 400 && !fonts.some((g) => g.face === f.face && g.weight === 700))
      doc.registerFont(`${f.face}-Bold`, f.file);
}

/** PDF face names of the bundled fonts (what `fontRuns` answers). */
const registered = new Set(bundledFonts().map((f) => f.face));

/** Draws the map picture (options: lanes, personas, theme) scaled into a box; answers the drawn height in pt. */
export function drawPicture(
  doc: Doc,
  input: Pick<ExportInput, "map" | "personas" | "options">,
  x: number,
  y: number,
  width: number,
  height: number,
): number {
  const view = pictureView({ ...input, exportedAt: "" });
  const scale = Math.min(width / (view.layout.width * PX), height / (view.layout.height * PX));
  draw(doc, view, input.options.theme, x, y, scale);
  return view.layout.height * PX * scale;
}

/** The part of a map with only some stages and lanes (one tile of a poster). */
function slice(map: JourneyMap, stageIds: Set<string>, laneIds: Set<string>): JourneyMap {
  return {
    ...map,
    stages: map.stages.filter((s) => stageIds.has(s.id)),
    lanes: map.lanes.filter((l) => laneIds.has(l.id)),
    cards: map.cards.filter((c) => stageIds.has(c.stageId) && laneIds.has(c.laneId)),
    emotionPoints: map.emotionPoints.filter((e) => stageIds.has(e.stageId)),
  };
}

/** Splits items into consecutive groups whose summed sizes fit `room` (an oversized item gets its own group). */
function pack<T>(items: readonly T[], size: (t: T) => number, room: number): T[][] {
  const out: T[][] = [];
  let cur: T[] = [];
  let used = 0;
  for (const it of items) {
    const s = size(it);
    if (cur.length && used + s > room) {
      out.push(cur);
      cur = [];
      used = 0;
    }
    cur.push(it);
    used += s;
  }
  if (cur.length) out.push(cur);
  return out;
}

/** Bookmarks: one per phase with its stages inside, added on the page where each stage first shows. */
function bookmarker(doc: Doc, map: JourneyMap) {
  const phases = new Map(map.phases.map((p) => [p.id as string, p]));
  const phaseItems = new Map<string, PDFKit.PDFOutline>();
  const done = new Set<string>();
  return (stageIds: readonly string[]) => {
    for (const s of sortOrdered(map.stages)) {
      if (!stageIds.includes(s.id) || done.has(s.id)) continue;
      done.add(s.id);
      const phase = s.phaseId ? phases.get(s.phaseId) : undefined;
      let parent = doc.outline;
      if (phase) {
        const item = phaseItems.get(phase.id) ?? doc.outline.addItem(phase.name, { expanded: true });
        phaseItems.set(phase.id, item);
        parent = item;
      }
      parent.addItem(s.name);
    }
  };
}

function tiles(view: View, page: readonly [number, number]) {
  const roomW = (page[0] - 2 * MARGIN) / PX - PICTURE.headerWidth;
  const perPage = Math.max(1, Math.floor(roomW / PICTURE.columnWidth));
  const stageGroups = pack(view.layout.columns, () => 1, perPage);
  const head =
    view.layout.stageY + view.layout.stageHeight + (view.overlay ? PICTURE.dataHeight : 0) + PICTURE.pad;
  const roomH = (page[1] - 2 * MARGIN) / PX - head;
  const laneGroups = pack(view.layout.rows, (r) => r.h, roomH);
  return stageGroups.flatMap((cols) =>
    laneGroups.map((rows) => ({
      stageIds: cols.map((c) => c.stage.id as string),
      laneIds: rows.map((r) => r.lane.id as string),
    })),
  );
}

/**
 * Vector PDF of the map: the SVG picture drawn by svg-to-pdfkit with the bundled Inter fonts
 * embedded, so every stage name and card text is real, selectable text. `fit` scales the whole
 * map onto one page; `tile` prints it at full size across pages, each repeating the title, phase
 * and stage headers and the lane names. The outline has a bookmark per phase and stage.
 */
export function mapToPdf(input: ExportInput): Promise<Uint8Array> {
  const view = pictureView(input);
  const size = PAGE_SIZES[input.options.page];
  const theme = input.options.theme;
  const doc = new PDFDocument({
    size: [size[0], size[1]],
    margin: MARGIN,
    autoFirstPage: false,
    info: { Title: view.map.title, Creator: "Wayline" },
  });
  registerPictureFonts(doc);
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on("error", reject);
  });
  const mark = bookmarker(doc, view.map);
  const background = () => doc.rect(0, 0, size[0], size[1]).fill(PICTURE_THEMES[theme].background);
  const parts =
    input.options.layout === "tile"
      ? tiles(view, size)
      : [
          {
            stageIds: view.layout.columns.map((c) => c.stage.id as string),
            laneIds: view.map.lanes.map((l) => l.id as string),
          },
        ];
  for (const part of parts) {
    doc.addPage();
    background();
    // Fit draws the whole map: its layout is the view's; a tile is laid out once here.
    const map =
      parts.length === 1 ? view.map : slice(view.map, new Set(part.stageIds), new Set(part.laneIds));
    const l = parts.length === 1 ? view.layout : layoutPicture(map, { dataRow: !!view.overlay });
    const fit = Math.min((size[0] - 2 * MARGIN) / (l.width * PX), (size[1] - 2 * MARGIN) / (l.height * PX));
    draw(
      doc,
      { map, layout: l, personas: view.personas, ...(view.overlay ? { overlay: view.overlay } : {}) },
      theme,
      MARGIN,
      MARGIN,
      input.options.layout === "tile" ? Math.min(1, fit) : fit,
    );
    mark(part.stageIds);
  }
  doc.end();
  return done;
}
