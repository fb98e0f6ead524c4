import { describe, expect, it } from "vitest";
import { ExportOptionsSchema } from "../../domain/index.ts";
import { buildTemplate } from "../../domain/templates/index.ts";
import { sequentialIds } from "../../domain/testing.ts";
import { layoutPicture, textWidth } from "../../render/picture-layout.ts";
import { bundledFonts, fontRuns } from "./fonts.ts";
import { mapToPng } from "./png.ts";
import { type DecodedPng, decodePng } from "./testing/png-decode.ts";

describe("bundled fonts", () => {
  it("only bundled faces, from node_modules; every symbol users type has one", () => {
    for (const f of bundledFonts()) expect(f.woff2).toMatch(/node_modules\/@fontsource\//);
    const text = "→ ← ↑ ↓ ↔ ⇒ ≥ ≤ ≠ ≈ ± × ∞ ✓ ✔ ✗ ✘ ★ ☆ ⚠ ● ■ ▶ € ™ — … «»";
    const runs = fontRuns(text, "css");
    const faces = bundledFonts();
    for (const r of runs)
      expect(faces.some((f) => `'${f.family}'` === r.family || f.family === r.family)).toBe(true);
    expect(runs.map((r) => r.family)).toContain("'Noto Sans Math'");
    expect(runs.map((r) => r.family)).toContain("'Noto Sans Symbols 2'");
    expect(fontRuns("Aufnahme → Zahlung", "pdf").map((r) => r.family)).toEqual([
      "Inter-latin",
      "NotoMath",
      "Inter-latin",
    ]);
    expect(fontRuns("Заявка → оплата", "css").map((r) => r.text)).toEqual(["Заявка ", "→", " оплата"]);
  });

  it("PNG: symbols are drawn with their own glyphs, not a missing-glyph box", () => {
    const t = buildTemplate("pizza-restaurant", { newId: sequentialIds("f") });
    const kpi = t.map.cards.find((c) => c.fields.kind === "kpi");
    if (!kpi) throw new Error("template has a KPI card");
    const png = (text: string) => {
      const map = { ...t.map, cards: t.map.cards.map((c) => (c.id === kpi.id ? { ...c, text } : c)) };
      return decodePng(
        mapToPng({ map, personas: t.personas, options: ExportOptionsSchema.parse({}), exportedAt: "" }),
      );
    };
    const box = layoutPicture(t.map)
      .rows.flatMap((r) => r.cards)
      .find((c) => c.card.id === kpi.id);
    if (!box) throw new Error("card drawn");
    // The symbol after "Reviews 420 ": its cell in the first line.
    const x0 = Math.round(box.x + 8 + textWidth("Reviews 420 ", 12)) - 4;
    const rect = { x: x0, y: Math.round(box.y + 6), w: 22, h: 16 };
    const glyphs = ["→", "≥", "✓", "↔"].map((s) => png(`Reviews 420 ${s} 900`));
    const differ = (a: DecodedPng, b: DecodedPng) => {
      let n = 0;
      for (let y = rect.y; y < rect.y + rect.h; y++)
        for (let x = rect.x; x < rect.x + rect.w; x++) {
          const i = (y * a.width + x) * 4;
          if (Math.abs((a.rgba[i] ?? 0) - (b.rgba[i] ?? 0)) > 40) n++;
        }
      return n;
    };
    for (const [i, a] of glyphs.entries())
      for (const b of glyphs.slice(i + 1)) expect(differ(a, b)).toBeGreaterThan(8);
  });
});
