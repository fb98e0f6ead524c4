import ExcelJS from "exceljs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { WaylineError } from "../../domain/errors.ts";
import { type ImportFormat, NativeDocumentSchema, newId } from "../../domain/index.ts";
import { JourneyMapSchema } from "../../domain/model/journey-map.ts";
import { buildTemplate } from "../../domain/templates/index.ts";
import { exportMap, importMap } from "./registry.ts";

/**
 * Fuzzing the map importers (Mermaid, CSV, XLSX) — seeded, bounded in count: random input and
 * mutations of real exported files must give a valid document or a WaylineError whose problems
 * name where (never another exception), and the heap must stay within a bound.
 */
const NOW = "2026-12-01T00:00:00.000Z";
const HEAP_BOUND = 256 * 1024 * 1024;
const { map, personas } = buildTemplate("pizza-restaurant", { now: NOW });

async function real(format: "mermaid" | "csv" | "xlsx"): Promise<Uint8Array> {
  const f = await exportMap(format, { map, personas, options: {} as never, exportedAt: NOW });
  return typeof f.body === "string" ? new TextEncoder().encode(f.body) : f.body;
}

/** Imports once: a valid document, or a located WaylineError. */
async function importsSafely(format: ImportFormat, bytes: Uint8Array): Promise<"ok" | "error"> {
  const heap = process.memoryUsage().heapUsed;
  try {
    const out = await importMap(format, bytes, { now: NOW, newId, fallbackTitle: "fuzz" });
    expect(NativeDocumentSchema.safeParse(out.document).success).toBe(true);
    const checked = JourneyMapSchema.safeParse(out.document.map);
    expect(checked.success, checked.error?.message).toBe(true);
    for (const w of out.warnings) expect(w.path.length).toBeGreaterThan(0);
    return "ok";
  } catch (e) {
    if (!(e instanceof WaylineError)) throw e;
    expect(e.message.length).toBeGreaterThan(0);
    const problems = (e.details?.problems ?? []) as { path: string; message: string }[];
    for (const p of problems) {
      expect(typeof p.path).toBe("string");
      expect(p.message.length).toBeGreaterThan(0);
    }
    return "error";
  } finally {
    expect(process.memoryUsage().heapUsed - heap).toBeLessThan(HEAP_BOUND);
  }
}

const HOSTILE = [
  "\n",
  "\r",
  ",",
  ";",
  '"',
  "\t",
  ":",
  "|",
  "-",
  " ",
  "\u0000",
  "\uFEFF",
  "é",
  "🙂",
  "section",
  "journey",
  "title",
  "5",
  "-1",
  "99999999999999999999",
  "<",
  "=",
];

/** Text edits: cuts, insertions of hostile pieces, duplicated slices. */
const mutatedText = (base: string) =>
  fc
    .array(
      fc.record({
        at: fc.nat({ max: base.length }),
        cut: fc.nat({ max: 40 }),
        insert: fc.array(fc.constantFrom(...HOSTILE), { maxLength: 8 }).map((a) => a.join("")),
        dup: fc.boolean(),
      }),
      { minLength: 1, maxLength: 6 },
    )
    .map((edits) =>
      edits.reduce((s, e) => {
        const piece = e.dup ? s.slice(e.at, e.at + e.cut) : e.insert;
        return s.slice(0, e.at) + piece + s.slice(e.at + (e.dup ? 0 : e.cut));
      }, base),
    );

describe("map importers never crash on random or mutated files (fuzz, seeded, bounded)", () => {
  for (const format of ["mermaid", "csv"] as const) {
    it(`${format}: mutated exports give a valid map or a located error`, async () => {
      const base = new TextDecoder().decode(await real(format));
      const seen = { ok: 0, error: 0 };
      await fc.assert(
        fc.asyncProperty(mutatedText(base), async (t) => {
          seen[await importsSafely(format, new TextEncoder().encode(t))]++;
        }),
        { seed: 1501, numRuns: 50 },
      );
      expect(seen.ok).toBeGreaterThan(0);
    }, 20_000);
    it(`${format}: random text gives a valid map or a located error`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.string({ maxLength: 400, unit: "grapheme" }), async (t) => {
          await importsSafely(format, new TextEncoder().encode(t));
        }),
        { seed: 1502, numRuns: 50 },
      );
    }, 20_000);
  }

  it("xlsx: mutated cells of a real workbook give a valid map or a located error", async () => {
    const base = await real("xlsx");
    const values = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.integer({ min: -1e9, max: 1e9 }),
      fc.constantFrom(
        null,
        "",
        "emotion",
        "touchpoints",
        "pain points",
        "=1/0",
        "99999999999999999999",
        "\u0000x",
      ),
    );
    const edits = fc.array(
      fc.record({
        sheet: fc.nat({ max: 2 }),
        row: fc.integer({ min: 1, max: 30 }),
        col: fc.integer({ min: 1, max: 14 }),
        value: values,
      }),
      { minLength: 1, maxLength: 10 },
    );
    let ok = 0;
    await fc.assert(
      fc.asyncProperty(edits, async (list) => {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(Buffer.from(base) as never);
        for (const e of list) {
          const ws = wb.worksheets[e.sheet % wb.worksheets.length];
          if (ws) ws.getCell(e.row, e.col).value = e.value as never;
        }
        const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
        if ((await importsSafely("xlsx", bytes)) === "ok") ok++;
      }),
      { seed: 1503, numRuns: 30 },
    );
    expect(ok).toBeGreaterThan(0);
  }, 30_000);

  it("xlsx: flipped, cut and random bytes give a located error, never a crash", async () => {
    const base = await real("xlsx");
    const damage = fc.oneof(
      fc.record({
        kind: fc.constant("flip" as const),
        at: fc.array(fc.nat({ max: base.length - 1 }), { minLength: 1, maxLength: 20 }),
        byte: fc.integer({ min: 0, max: 255 }),
      }),
      fc.record({
        kind: fc.constant("cut" as const),
        at: fc.nat({ max: base.length }),
        byte: fc.constant(0),
      }),
      fc.record({ kind: fc.constant("random" as const), at: fc.constant(0), byte: fc.constant(0) }),
    );
    await fc.assert(
      fc.asyncProperty(damage, fc.uint8Array({ maxLength: 2000 }), async (d, noise) => {
        let bytes: Uint8Array;
        if (d.kind === "flip") {
          bytes = base.slice();
          for (const at of d.at as number[]) bytes[at] = d.byte;
        } else if (d.kind === "cut") bytes = base.slice(0, d.at as number);
        else bytes = noise;
        await importsSafely("xlsx", bytes);
      }),
      { seed: 1504, numRuns: 40 },
    );
  }, 30_000);
});
