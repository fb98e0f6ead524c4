import { Resvg } from "@resvg/resvg-js";
import type { ExportInput } from "../../domain/index.ts";
import { PICTURE_THEMES } from "../../render/picture-theme.ts";
import { bundledFonts } from "./fonts.ts";
import { pictureView, renderPictureSvg } from "./svg.ts";

/** Rasterises SVG markup with the bundled fonts only (no system fonts: same pixels everywhere). */
export function svgToPng(svg: string, scale: number, background: string): Uint8Array {
  const resvg = new Resvg(svg, {
    fitTo: { mode: "zoom", value: scale },
    background,
    font: {
      fontFiles: bundledFonts().map((f) => f.file),
      loadSystemFonts: false,
      defaultFontFamily: "Inter",
    },
  });
  return resvg.render().asPng();
}

/** PNG export at 1× or 2×. */
export function mapToPng(input: ExportInput): Uint8Array {
  const view = pictureView(input);
  const svg = renderPictureSvg(view, { theme: input.options.theme, embedFonts: false });
  return svgToPng(svg, input.options.scale, PICTURE_THEMES[input.options.theme].background);
}
