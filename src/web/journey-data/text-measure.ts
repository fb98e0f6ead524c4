import { useEffect, useState } from "react";

/** Text measuring and wrapping for SVG charts (SVG text does not wrap by itself). */

let ctx: CanvasRenderingContext2D | null | undefined;

/**
 * Width in px of `text` in the page's font family at `font` (e.g. "600 13px"), from canvas
 * metrics; 0.6 em per character where there is no canvas (tests in jsdom).
 */
export function textWidth(text: string, font: string): number {
  if (ctx === undefined)
    try {
      ctx = typeof document === "undefined" ? null : document.createElement("canvas").getContext("2d");
    } catch {
      ctx = null;
    }
  if (!ctx) return text.length * 0.6 * (Number.parseFloat(font.replace(/^\d{3}\s+/, "")) || 12);
  const family = getComputedStyle(document.body).fontFamily || "sans-serif";
  ctx.font = `${font} ${family}`;
  return ctx.measureText(text).width;
}

/** Words of `text` broken greedily into lines no wider than `max` (a longer word keeps its own line). */
export function wrapText(text: string, max: number, measure: (t: string) => number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && measure(next) > max) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [text];
}

/**
 * A number that grows each time the page finishes loading fonts. Charts that measure text call
 * it so they measure again once the bundled Inter has arrived: measured before, the canvas uses
 * the fallback font, whose widths differ (labels would then overlap or leave gaps).
 */
export function useFontsLoaded(): number {
  const [n, setN] = useState(0);
  useEffect(() => {
    const fonts = typeof document === "undefined" ? undefined : document.fonts;
    if (!fonts) return;
    let live = true;
    const bump = () => live && setN((x) => x + 1);
    fonts.addEventListener("loadingdone", bump);
    if (fonts.status === "loading") fonts.ready.then(bump, () => {});
    return () => {
      live = false;
      fonts.removeEventListener("loadingdone", bump);
    };
  }, []);
  return n;
}
