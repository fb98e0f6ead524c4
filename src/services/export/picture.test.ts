import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_EXPORT_OPTIONS, type ExportInput, ExportOptionsSchema } from "../../domain/index.ts";
import { buildTemplate, listTemplates } from "../../domain/templates/index.ts";
import { sequentialIds } from "../../domain/testing.ts";
import { layoutPicture } from "../../render/picture-layout.ts";
import { PICTURE_THEMES } from "../../render/picture-theme.ts";
import { mapToPdf } from "./pdf.ts";
import { mapToPng } from "./png.ts";
import { mapToSvg } from "./svg.ts";
import { decodePng, pixelsNotColour } from "./testing/png-decode.ts";

const NOW = "2026-03-01T09:00:00.000Z";
const require = process.env.WAYLINE_REQUIRE_SERVICES === "1";
const hasPoppler = existsSync("/usr/bin/pdftotext");
if (!hasPoppler && require) throw new Error("pdftotext (poppler-utils) is required");
const dir = mkdtempSync(join(tmpdir(), "wayline-picture-"));
const input = (id: string, options: Record<string, string> = {}): ExportInput => ({
  ...buildTemplate(id, { now: NOW, newId: sequentialIds("t") }),
  options: ExportOptionsSchema.parse(options),
  exportedAt: NOW,
});
const squash = (s: string) => s.replace(/\s+/g, "");
function pdfText(pdf: Uint8Array, name: string): string {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync("pdftotext", ["-raw", "-enc", "UTF-8", file, "-"], { encoding: "utf8" });
}
const pages = (pdf: Uint8Array) =>
  (
    Buffer.from(pdf)
      .toString("latin1")
      .match(/\/Type \/Page\b/g) ?? []
  ).length;

describe.each(listTemplates().map((t) => t.id))("pictures of %s", (id) => {
  const x = input(id);
  it("SVG: one self-contained document naming every stage", () => {
    const svg = mapToSvg(x);
    expect(svg).toMatch(/^<\?xml[^>]*>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain("@font-face");
    for (const s of x.map.stages) expect(svg).toContain(s.name.replace(/&/g, "&amp;").split(" ")[0]);
    expect(svg).not.toMatch(/[\u{1F300}-\u{1FAFF}]/u);
  });
  it("PNG: decodes, and every card's box is drawn", () => {
    const img = decodePng(mapToPng(x));
    const layout = layoutPicture(x.map);
    expect([img.width, img.height]).toEqual([layout.width, layout.height]);
    const bg = PICTURE_THEMES.light.background;
    for (const row of layout.rows)
      for (const b of row.cards)
        expect(
          pixelsNotColour(img, { x: Math.round(b.x + 2), y: Math.round(b.y + 2), w: 20, h: 10 }, bg),
        ).toBe(200);
  });
  it.skipIf(!hasPoppler)("PDF: pdftotext finds every stage name and card text", async () => {
    const text = squash(pdfText(await mapToPdf(x), id));
    for (const s of x.map.stages) expect(text).toContain(squash(s.name));
    for (const c of x.map.cards) if (c.text) expect(text, c.text).toContain(squash(c.text));
  });
});

describe("picture options", () => {
  it("PNG at 2× has twice the pixels per side; dark theme paints a dark background", () => {
    const one = decodePng(mapToPng(input("mobile-app")));
    const two = decodePng(mapToPng(input("mobile-app", { scale: "2", theme: "dark" })));
    expect([two.width, two.height]).toEqual([one.width * 2, one.height * 2]);
    expect(pixelsNotColour(two, { x: 2, y: 2, w: 5, h: 5 }, PICTURE_THEMES.dark.background)).toBe(0);
  });
  it("only the chosen lanes are drawn", () => {
    const x = input("pizza-restaurant");
    const pain = x.map.lanes.find((l) => l.type === "pain_points");
    const only = { ...x, options: { ...DEFAULT_EXPORT_OPTIONS, lanes: [pain?.id as string] } };
    const svg = mapToSvg(only);
    const painCard = x.map.cards.find((c) => c.laneId === pain?.id);
    const other = x.map.cards.find((c) => c.laneId !== pain?.id && c.text.length > 12);
    expect(svg).toContain(painCard?.text.split(" ").slice(0, 3).join(" "));
    expect(svg).not.toContain(other?.text.split(" ").slice(0, 3).join(" "));
  });
  it.skipIf(!hasPoppler)(
    "tiled A4 spreads a map over pages, repeating the stage headers, with one bookmark per stage",
    async () => {
      const x = input("pizza-restaurant", { page: "A4", layout: "tile" });
      const pdf = await mapToPdf(x);
      const fit = await mapToPdf(input("pizza-restaurant", { page: "A4" }));
      expect(pages(fit)).toBe(1);
      expect(pages(pdf)).toBeGreaterThan(2);
      const text = pdfText(pdf, "tiled");
      expect(text.split("\f").filter((p) => p.includes("What Eva does")).length).toBeGreaterThan(1);
      const raw = Buffer.from(pdf).toString("latin1");
      for (const s of x.map.stages) expect(raw).toContain(`/Title (${s.name})`);
      for (const p of x.map.phases) expect(raw).toContain(`/Title (${p.name})`);
    },
  );
  it.skipIf(!hasPoppler)("page sizes are landscape A4 … A0", async () => {
    for (const [page, w] of [
      ["A4", 842],
      ["A0", 3370],
    ] as const) {
      const file = join(dir, `size-${page}.pdf`);
      writeFileSync(file, await mapToPdf(input("generic-five-stage", { page })));
      const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
      expect(Math.round(Number(/Page size:\s+([\d.]+)/.exec(info)?.[1]))).toBe(w);
    }
  });
});
