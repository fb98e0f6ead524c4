import { readFileSync } from "node:fs";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { type ExportInput, selectView } from "../../domain/index.ts";
import { MapPicture } from "../../render/MapPicture.tsx";
import type { Font } from "../../render/PictureLabel.tsx";
import { layoutPicture, type PictureLayout } from "../../render/picture-layout.ts";
import { facesFor, fontRuns } from "./fonts.ts";

/** The part of a map a picture shows, and its layout. */
export function pictureView(input: ExportInput) {
  const view = selectView(input.map, input.personas, input.options);
  const overlay = input.options.overlay ? input.overlay : undefined;
  return {
    ...view,
    ...(overlay ? { overlay } : {}),
    layout: layoutPicture(view.map, { dataRow: !!overlay }),
  };
}

/**
 * `@font-face` rules embedding the bundled faces a text needs (WOFF2, base64), so the SVG file
 * stands alone; Inter's subsets carry their unicode-range so a browser takes each glyph from the
 * right one.
 */
function embeddedFonts(text: string): string {
  return facesFor(text)
    .map((f) => {
      const data = readFileSync(f.woff2).toString("base64");
      const range = f.unicodeRange ? `;unicode-range:${f.unicodeRange}` : "";
      return `@font-face{font-family:"${f.family}";font-weight:${f.weight};src:url(data:font/woff2;base64,${data}) format("woff2")${range}}`;
    })
    .join("");
}

const cssRuns: Font = (t) => fontRuns(t, "css");

/** Renders the map picture as SVG markup (fonts embedded unless `embedFonts` is false); texts in bundled-font runs. */
export function renderPictureSvg(
  view: Pick<ReturnType<typeof pictureView>, "map" | "personas" | "overlay"> & { layout?: PictureLayout },
  opts: { theme: "light" | "dark"; embedFonts: boolean; fontFor?: Font },
): string {
  const markup = renderToStaticMarkup(
    createElement(MapPicture, {
      map: view.map,
      personas: view.personas,
      theme: opts.theme,
      // Runs of the bundled face that has each glyph (resvg would otherwise draw a whole text in
      // whichever fallback font has the one missing glyph).
      fontFor: opts.fontFor ?? cssRuns,
      ...(view.layout ? { layout: view.layout } : {}),
      ...(view.overlay ? { overlay: view.overlay } : {}),
    }),
  );
  if (!opts.embedFonts) return markup;
  const style = `<style>${embeddedFonts(markup)}</style>`;
  return markup.replace(/<style>/, `${style}<style>`);
}

/** SVG export: a standalone file with the bundled fonts embedded. */
export function mapToSvg(input: ExportInput): string {
  const view = pictureView(input);
  const svg = renderPictureSvg(view, { theme: input.options.theme, embedFonts: true });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`;
}
