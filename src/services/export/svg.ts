import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { type ExportInput, selectView } from "../../domain/index.ts";
import { type Font, MapPicture } from "../../render/MapPicture.tsx";
import { layoutPicture, type PictureLayout } from "../../render/picture-layout.ts";
import { SUBSETS, subsetFor } from "./fonts.ts";

const require = createRequire(import.meta.url);
const FONTSOURCE = dirname(require.resolve("@fontsource/inter/package.json"));

/** The part of a map a picture shows, and its layout. */
export function pictureView(input: ExportInput) {
  const view = selectView(input.map, input.personas, input.options);
  return { ...view, layout: layoutPicture(view.map) };
}

/** `@font-face` rules embedding the Inter subsets a text needs (WOFF2, base64), so the SVG file stands alone. */
function embeddedFonts(text: string): string {
  const needed = new Set([
    "latin",
    ...[...text].filter((c) => c.charCodeAt(0) > 0xff).map((c) => subsetFor(c)),
  ]);
  return SUBSETS.filter((s) => needed.has(s))
    .flatMap((s) =>
      [400, 700].map((w) => {
        const data = readFileSync(join(FONTSOURCE, "files", `inter-${s}-${w}-normal.woff2`)).toString(
          "base64",
        );
        return `@font-face{font-family:"Inter";font-weight:${w};src:url(data:font/woff2;base64,${data}) format("woff2")}`;
      }),
    )
    .join("");
}

/** Renders the map picture as SVG markup (fonts embedded unless `embedFonts` is false). */
export function renderPictureSvg(
  view: Pick<ReturnType<typeof pictureView>, "map" | "personas"> & { layout?: PictureLayout },
  opts: { theme: "light" | "dark"; embedFonts: boolean; fontFor?: Font },
): string {
  const markup = renderToStaticMarkup(
    createElement(MapPicture, {
      map: view.map,
      personas: view.personas,
      theme: opts.theme,
      ...(opts.fontFor ? { fontFor: opts.fontFor } : {}),
      ...(view.layout ? { layout: view.layout } : {}),
    }),
  );
  if (!opts.embedFonts) return markup;
  const style = `<style>${embeddedFonts(markup)}</style>`;
  return markup.replace(/<style>/, `${style}<style>`);
}

/** SVG export: a standalone file with the bundled fonts embedded. */
export function mapToSvg(input: ExportInput): string {
  const view = pictureView(input);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${renderPictureSvg(view, { theme: input.options.theme, embedFonts: true })}\n`;
}
