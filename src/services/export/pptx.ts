import JSZip from "jszip";
import * as pptxgenjs from "pptxgenjs";
import { prioritizePainPoints } from "../../domain/analysis/index.ts";
import {
  cardMeta,
  type ExportInput,
  type JourneyMap,
  type Persona,
  type PictureOverlay,
  sortOrdered,
} from "../../domain/index.ts";
import { overlayLines } from "../../render/PictureDataRow.tsx";
import { PICTURE_THEMES } from "../../render/picture-theme.ts";
import { svgToPng } from "./png.ts";
import { pictureView, renderPictureSvg } from "./svg.ts";

// pptxgenjs's types describe a CommonJS module; its ESM build's default export is the class.
const PptxGenJS = pptxgenjs.default as unknown as typeof pptxgenjs.default.default;
type PptxGenJS = InstanceType<typeof PptxGenJS>;
const W = 13.333;
const H = 7.5;
type Slide = ReturnType<PptxGenJS["addSlide"]>;
type Bullet = { text: string; options?: Record<string, unknown> };

/** Number of slides `mapToPptx` writes for a map: title, map picture, one per stage, pain points. */
export const slideCount = (map: Pick<JourneyMap, "stages">) => map.stages.length + 3;

function bullets(items: string[], empty: string): Bullet[] {
  if (!items.length) return [{ text: empty, options: { italic: true, color: "888888" } }];
  const shown = items.slice(0, 8).map((t) => ({ text: t, options: { bullet: true, breakLine: true } }));
  return items.length > 8
    ? [...shown, { text: `… and ${items.length - 8} more`, options: { italic: true } }]
    : shown;
}

function box(
  slide: Slide,
  heading: string,
  items: Bullet[],
  x: number,
  y: number,
  w: number,
  h: number,
  ink: string,
) {
  slide.addText(heading, { x, y, w, h: 0.35, fontSize: 14, bold: true, color: ink, fontFace: "Inter" });
  slide.addText(items, {
    x,
    y: y + 0.35,
    w,
    h: h - 0.35,
    fontSize: 11,
    color: ink,
    valign: "top",
    fontFace: "Inter",
    fit: "shrink",
  });
}

function cardsOf(map: JourneyMap, stageId: string, kind: string): string[] {
  return map.cards
    .filter((c) => c.stageId === stageId && c.fields.kind === kind)
    .map((c) => {
      const meta = cardMeta(c).filter((m) => m !== c.text);
      return `${c.text}${meta.length ? ` (${meta.join("; ")})` : ""}`;
    });
}

function titleSlide(pptx: PptxGenJS, map: JourneyMap, personas: Persona[], ink: string, bg: string) {
  const s = pptx.addSlide();
  s.background = { color: bg };
  s.addText(map.title, {
    x: 0.6,
    y: 1.2,
    w: W - 1.2,
    h: 1.2,
    fontSize: 36,
    bold: true,
    color: ink,
    fontFace: "Inter",
  });
  const goal = [
    map.goal.statement,
    map.goal.metric &&
      `Measured by ${map.goal.metric}${map.goal.target ? ` (target ${map.goal.target})` : ""}`,
  ].filter(Boolean);
  s.addText(goal.length ? goal.join("\n") : "No goal statement yet.", {
    x: 0.6,
    y: 2.5,
    w: W - 1.2,
    h: 1.4,
    fontSize: 18,
    color: ink,
    fontFace: "Inter",
  });
  const people = personas.map(
    (p) => `${p.name}${p.role ? `, ${p.role}` : ""}${p.quote ? ` — “${p.quote}”` : ""}`,
  );
  if (people.length)
    s.addText(bullets(people, ""), {
      x: 0.6,
      y: 4.2,
      w: W - 1.2,
      h: 2.2,
      fontSize: 16,
      color: ink,
      fontFace: "Inter",
      valign: "top",
    });
}

function stageSlide(
  pptx: PptxGenJS,
  map: JourneyMap,
  personas: Persona[],
  stageId: string,
  ink: string,
  bg: string,
  overlay?: PictureOverlay,
) {
  const stage = map.stages.find((x) => x.id === stageId);
  if (!stage) return;
  const s = pptx.addSlide();
  s.background = { color: bg };
  const phase = map.phases.find((p) => p.id === stage.phaseId)?.name;
  s.addText(`${phase ? `${phase} · ` : ""}${stage.name}${stage.momentOfTruth ? " ★" : ""}`, {
    x: 0.5,
    y: 0.3,
    w: W - 1,
    h: 0.7,
    fontSize: 26,
    bold: true,
    color: ink,
    fontFace: "Inter",
  });
  const who = (id: string | null) =>
    id ? (personas.find((p) => p.id === id)?.name ?? "Persona") : "Customer";
  const emotion = map.emotionPoints
    .filter((e) => e.stageId === stage.id && !e.stepId)
    .map((e) => {
      const label = map.emotionScale.levels.find((l) => l.value === e.value)?.label;
      return `${who(e.personaId)}: ${e.value}${label ? ` ${label}` : ""}${e.reason ? ` — ${e.reason}` : ""}`;
    });
  const col = (W - 1.5) / 2;
  box(
    s,
    "Touchpoints",
    bullets(cardsOf(map, stage.id, "touchpoint"), "No touchpoints."),
    0.5,
    1.2,
    col,
    2.6,
    ink,
  );
  const data = overlay?.stages[stage.id];
  const measured = data?.emotion
    ? [
        `Measured by surveys: ${data.emotion.value.toFixed(1)} (95 % ${data.emotion.low.toFixed(1)} – ${data.emotion.high.toFixed(1)})`,
      ]
    : [];
  const observed = overlayLines(data).length ? [`Observed: ${overlayLines(data).join(" · ")}`] : [];
  box(s, "Emotion", bullets([...emotion, ...measured], "No emotion data."), 0.5, 4.0, col, 1.4, ink);
  box(
    s,
    "KPIs",
    bullets([...observed, ...cardsOf(map, stage.id, "kpi")], "No KPIs."),
    0.5,
    5.5,
    col,
    1.7,
    ink,
  );
  box(
    s,
    "Pain points",
    bullets(cardsOf(map, stage.id, "pain"), "No pain points."),
    1 + col,
    1.2,
    col,
    3.2,
    ink,
  );
  box(s, "Ideas", bullets(cardsOf(map, stage.id, "idea"), "No ideas."), 1 + col, 4.6, col, 2.6, ink);
  if (stage.description) s.addNotes(stage.description);
}

function painSlide(pptx: PptxGenJS, map: JourneyMap, ink: string, bg: string) {
  const s = pptx.addSlide();
  s.background = { color: bg };
  s.addText("Pain points by priority", {
    x: 0.5,
    y: 0.3,
    w: W - 1,
    h: 0.7,
    fontSize: 26,
    bold: true,
    color: ink,
    fontFace: "Inter",
  });
  const rows = prioritizePainPoints(map).slice(0, 12);
  if (!rows.length) {
    s.addText("No open pain points.", { x: 0.5, y: 1.3, w: W - 1, h: 0.5, fontSize: 16, color: ink });
    return;
  }
  const cell = (text: string, bold = false) => ({
    text,
    options: { bold, color: ink, fontSize: 11, fontFace: "Inter" },
  });
  s.addTable(
    [
      ["#", "Pain point", "Stage", "Impact × reach", "Owner", "Due"].map((h) => cell(h, true)),
      ...rows.map((p) =>
        [
          String(p.rank),
          p.card.text,
          p.stageName,
          p.score === null ? "—" : p.score.toFixed(2),
          p.card.fields.owner ?? "—",
          p.card.fields.dueDate ?? "—",
        ].map((t) => cell(t)),
      ),
    ],
    {
      x: 0.5,
      y: 1.2,
      w: W - 1,
      colW: [0.5, 5.4, 2, 1.5, 1.6, 1.33],
      border: { type: "solid", pt: 0.5, color: "BBBBBB" },
    },
  );
}

/** Swaps pptxgenjs's placeholder PNG (it cannot rasterise SVG in Node) for a real rendering of each SVG. */
async function fixSvgFallbacks(pptx: Uint8Array, png: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(pptx);
  for (const name of Object.keys(zip.files)) {
    const m = /^ppt\/media\/image-(\d+)-(\d+)\.svg$/.exec(name);
    if (m) zip.file(`ppt/media/image-${m[1]}-${Number(m[2]) - 1}.png`, png);
  }
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** PPTX slides: title (goal, personas), the map as a vector picture, a slide per stage, prioritised pain points. */
export async function mapToPptx(input: ExportInput): Promise<Uint8Array> {
  const view = pictureView(input);
  const theme = PICTURE_THEMES[input.options.theme];
  const ink = theme.ink.slice(1);
  const bg = theme.background.slice(1);
  const pptx = new PptxGenJS();
  pptx.layout = "LAYOUT_WIDE";
  pptx.title = view.map.title;
  pptx.company = "Wayline";
  titleSlide(pptx, view.map, view.personas, ink, bg);
  const svg = renderPictureSvg(view, { theme: input.options.theme, embedFonts: false });
  const picture = pptx.addSlide();
  picture.background = { color: bg };
  const ratio = Math.min((W - 0.6) / view.layout.width, (H - 0.6) / view.layout.height);
  const [w, h] = [view.layout.width * ratio, view.layout.height * ratio];
  picture.addImage({
    data: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`,
    x: (W - w) / 2,
    y: (H - h) / 2,
    w,
    h,
  });
  for (const s of sortOrdered(view.map.stages))
    stageSlide(pptx, view.map, view.personas, s.id, ink, bg, view.overlay);
  painSlide(pptx, view.map, ink, bg);
  const out = (await pptx.write({ outputType: "uint8array" })) as Uint8Array;
  return fixSvgFallbacks(out, svgToPng(svg, Math.min(2, 2400 / view.layout.width), theme.background));
}
