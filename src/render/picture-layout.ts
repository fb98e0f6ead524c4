import { type Card, cardMeta, type JourneyMap, type Lane, type Stage, sortOrdered } from "../domain/index.ts";

/** Sizes of the map picture, in CSS px (1 px = 0.75 pt in PDF). */
export const PICTURE = {
  headerWidth: 200,
  columnWidth: 240,
  pad: 10,
  cardGap: 8,
  cardPad: 8,
  fontSize: 12,
  lineHeight: 16,
  metaSize: 10,
  metaLineHeight: 13,
  stageSize: 14,
  titleHeight: 84,
  phaseHeight: 28,
  emotionHeight: 230,
  /** Vertical padding of the emotion lane: room for faces and reasons above the top level. */
  emotionPad: 60,
  minRow: 52,
} as const;

/** Width of a character of Inter as a share of the font size (measured averages by class). */
function charShare(ch: string): number {
  if (" .,:;'|!il1ftrjI()[]".includes(ch)) return 0.3;
  if ("mwMW@%".includes(ch)) return 0.88;
  if (ch >= "A" && ch <= "Z") return 0.68;
  if (ch >= "0" && ch <= "9") return 0.6;
  return ch.charCodeAt(0) > 0x2e80 ? 1 : 0.56;
}

/** Estimated width of a text in px (no browser: a per-class average of Inter's advance widths). */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let w = 0;
  for (const ch of text) w += charShare(ch);
  return w * fontSize * (bold ? 1.06 : 1);
}

function breakWord(word: string, max: number, size: number, bold: boolean): string[] {
  const parts: string[] = [];
  let cur = "";
  for (const ch of word) {
    if (cur && textWidth(cur + ch, size, bold) > max) {
      parts.push(cur);
      cur = "";
    }
    cur += ch;
  }
  return cur ? [...parts, cur] : parts;
}

/** Greedy word wrap into lines no wider than `max` px; explicit line breaks are kept. */
export function wrapText(text: string, max: number, size: number, bold = false, maxLines = 60): string[] {
  const out: string[] = [];
  for (const para of text.split(/\r?\n/)) {
    let line = "";
    for (const word of para.split(/\s+/).filter(Boolean)) {
      const pieces = textWidth(word, size, bold) > max ? breakWord(word, max, size, bold) : [word];
      for (const piece of pieces) {
        const next = line ? `${line} ${piece}` : piece;
        if (line && textWidth(next, size, bold) > max) {
          out.push(line);
          line = piece;
        } else line = next;
      }
    }
    out.push(line);
  }
  while (out.length > 1 && out[out.length - 1] === "") out.pop();
  if (out.length <= maxLines) return out;
  return [...out.slice(0, maxLines - 1), `${out[maxLines - 1]}…`];
}

/** A card placed in its cell. */
export interface CardBox {
  card: Card;
  x: number;
  y: number;
  w: number;
  h: number;
  /** Wrapped text lines. */
  lines: string[];
  /** Wrapped lines of the typed fields. */
  meta: string[];
}

/** A lane placed as a row. */
export interface RowBox {
  lane: Lane;
  y: number;
  h: number;
  cards: CardBox[];
}

/** Geometry of a whole picture. */
export interface PictureLayout {
  width: number;
  height: number;
  /** y of the phase band (absent when the map has no phases). */
  phaseY: number | null;
  /** y and height of the stage header row. */
  stageY: number;
  stageHeight: number;
  /** Stages in order with their column x and wrapped names. */
  columns: { stage: Stage; x: number; name: string[] }[];
  rows: RowBox[];
}

function cardBox(card: Card, x: number, y: number): CardBox {
  const w = PICTURE.columnWidth - 2 * PICTURE.pad;
  const inner =
    w - 2 * PICTURE.cardPad - (card.fields.kind === "touchpoint" || card.fields.kind === "channel" ? 18 : 0);
  const text = card.text || (card.fields.kind === "kpi" ? card.fields.name : "");
  const lines = text ? wrapText(text, inner, PICTURE.fontSize) : [];
  const words = cardMeta(card).filter((m) => m !== text);
  const meta = words.length ? wrapText(words.join(" · "), inner, PICTURE.metaSize, false, 4) : [];
  const h =
    2 * PICTURE.cardPad +
    lines.length * PICTURE.lineHeight +
    meta.length * PICTURE.metaLineHeight +
    (meta.length ? 4 : 0);
  return { card, x, y, w, h: Math.max(h, 30), lines, meta };
}

/** Lays out a map: title block, phase band, stage headers, one row per lane (the emotion lane is a chart). */
export function layoutPicture(map: JourneyMap): PictureLayout {
  const stages = sortOrdered(map.stages);
  const phaseY = map.phases.length && stages.some((s) => s.phaseId) ? PICTURE.titleHeight : null;
  const stageY = PICTURE.titleHeight + (phaseY === null ? 0 : PICTURE.phaseHeight);
  const colX = (i: number) => PICTURE.headerWidth + i * PICTURE.columnWidth;
  const columns = stages.map((stage, i) => ({
    stage,
    x: colX(i),
    name: wrapText(stage.name, PICTURE.columnWidth - 2 * PICTURE.pad - 20, PICTURE.stageSize, true, 3),
  }));
  const stageHeight = Math.max(40, 16 + Math.max(1, ...columns.map((c) => c.name.length)) * 18);
  const byCell = new Map<string, Card[]>();
  for (const c of map.cards) {
    const k = `${c.laneId}|${c.stageId}`;
    byCell.set(k, [...(byCell.get(k) ?? []), c]);
  }
  let y = stageY + stageHeight;
  const rows: RowBox[] = sortOrdered(map.lanes).map((lane) => {
    const top = y;
    if (lane.type === "emotion") {
      y += PICTURE.emotionHeight;
      return { lane, y: top, h: PICTURE.emotionHeight, cards: [] };
    }
    let tallest = 0;
    const cards = columns.flatMap(({ stage }, i) => {
      let cy = top + PICTURE.pad;
      const boxes = (byCell.get(`${lane.id}|${stage.id}`) ?? []).map((card) => {
        const b = cardBox(card, colX(i) + PICTURE.pad, cy);
        cy += b.h + PICTURE.cardGap;
        return b;
      });
      tallest = Math.max(tallest, cy - top);
      return boxes;
    });
    const h = lane.collapsed
      ? PICTURE.minRow
      : Math.max(PICTURE.minRow, tallest + PICTURE.pad - PICTURE.cardGap);
    y += h;
    return { lane, y: top, h, cards: lane.collapsed ? [] : cards };
  });
  return {
    width: PICTURE.headerWidth + Math.max(1, stages.length) * PICTURE.columnWidth,
    height: y + PICTURE.pad,
    phaseY,
    stageY,
    stageHeight,
    columns,
    rows,
  };
}
