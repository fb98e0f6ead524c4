import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import {
  cardRows,
  type ExportInput,
  ExportOptionsSchema,
  mapToGrid,
  WaylineError,
} from "../../domain/index.ts";
import { buildTemplate, listTemplates } from "../../domain/templates/index.ts";
import { sequentialIds } from "../../domain/testing.ts";
import { slideCount } from "./pptx.ts";
import { exportMap, importMap } from "./registry.ts";

const NOW = "2026-03-01T09:00:00.000Z";
const ids = listTemplates().map((t) => t.id);
const dir = mkdtempSync(join(tmpdir(), "wayline-formats-"));
const input = (id: string): ExportInput => ({
  ...buildTemplate(id, { now: NOW, newId: sequentialIds("t") }),
  options: ExportOptionsSchema.parse({}),
  exportedAt: NOW,
});
const ctx = () => ({ now: NOW, newId: sequentialIds("i") });
const bytes = (b: string | Uint8Array) => (typeof b === "string" ? new TextEncoder().encode(b) : b);
const soffice = ["/usr/bin/soffice", "/usr/bin/libreoffice"].find(existsSync);
if (!soffice && process.env.WAYLINE_REQUIRE_SERVICES === "1")
  throw new Error("LibreOffice (soffice) is required");

async function sheetRows(xlsx: Uint8Array, name: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(xlsx) as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    rows[n - 1] = (row.values as unknown[]).slice(1).map((v) => v ?? "");
  });
  return rows;
}

describe.each(ids)("spreadsheet, document and slides of %s", (id) => {
  const x = input(id);
  it("XLSX: the Grid sheet equals the map's cells, Cards has every card and its fields, Emotions every point", async () => {
    const out = await exportMap("xlsx", x);
    const grid = mapToGrid(x.map, x.personas);
    const rows = await sheetRows(bytes(out.body), "Grid");
    expect(
      rows.map((r) => Array.from({ length: grid[0]?.length ?? 0 }, (_, i) => String(r[i] ?? ""))),
    ).toEqual(grid);
    const stageCol = new Map(
      [...x.map.stages].sort((a, b) => (a.order < b.order ? -1 : 1)).map((s, i) => [s.id as string, i + 1]),
    );
    for (const c of x.map.cards) {
      const lane = x.map.lanes.find((l) => l.id === c.laneId);
      const row = rows.find((r) => r[0] === lane?.name);
      expect(String(row?.[stageCol.get(c.stageId) ?? -1] ?? "").split("\n"), c.text).toContain(c.text);
    }
    const cards = await sheetRows(bytes(out.body), "Cards");
    const want = cardRows(x.map);
    expect(cards.length - 1).toBe(x.map.cards.length);
    const head = cards[0] as string[];
    want.forEach((w, i) => {
      for (const [k, v] of Object.entries(w))
        if (v !== null && v !== undefined && v !== "")
          expect(cards[i + 1]?.[head.indexOf(k)], `${k}`).toEqual(v);
    });
    expect((await sheetRows(bytes(out.body), "Emotions")).length - 1).toBe(x.map.emotionPoints.length);
    const back = await importMap("xlsx", bytes(out.body), ctx());
    expect(mapToGrid(back.document.map, back.document.personas)).toEqual(
      grid.map((r) =>
        r.map((c) =>
          c
            .split("\n")
            .map((x) => x.trim())
            .filter(Boolean)
            .join("\n"),
        ),
      ),
    );
    // The Cards sheet gives every card its typed fields back (links between cards by text).
    const key = (m: typeof x.map, c: (typeof x.map.cards)[number]) =>
      `${m.lanes.find((l) => l.id === c.laneId)?.name}|${m.stages.find((st) => st.id === c.stageId)?.name}|${c.text}`;
    const textOf = (m: typeof x.map, id: string) => m.cards.find((c) => c.id === id)?.text;
    const plain = (m: typeof x.map, c: (typeof x.map.cards)[number]) =>
      c.fields.kind === "idea"
        ? { ...c.fields, painPointIds: c.fields.painPointIds.map((p) => textOf(m, p)) }
        : c.fields;
    const got = new Map(
      back.document.map.cards.map((c) => [key(back.document.map, c), plain(back.document.map, c)]),
    );
    for (const c of x.map.cards)
      if (!c.text.includes("\n")) expect(got.get(key(x.map, c)), key(x.map, c)).toEqual(plain(x.map, c));
  });
  it("Markdown: names every stage and card", async () => {
    const md = String((await exportMap("md", x)).body).replace(/\\/g, "");
    for (const s of x.map.stages) expect(md).toContain(`### ${s.name}`);
    for (const c of x.map.cards) if (c.text) expect(md).toContain(c.text.replace(/\s+/g, " ").trim());
  });
  it("PPTX: title, map picture (SVG with a real PNG fallback), one slide per stage with notes, pain points", async () => {
    const out = bytes((await exportMap("pptx", x)).body);
    writeFileSync(join(dir, `${id}.pptx`), out);
    const zip = await JSZip.loadAsync(out);
    const slides = Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f));
    expect(slides.length).toBe(slideCount(x.map));
    const media = Object.keys(zip.files).filter((f) => f.startsWith("ppt/media/"));
    expect(media.some((f) => f.endsWith(".svg"))).toBe(true);
    const png = media.find((f) => f.endsWith(".png"));
    expect((await zip.file(png as string)?.async("uint8array"))?.length).toBeGreaterThan(10_000);
    const all = (await Promise.all(slides.map((s) => zip.file(s)?.async("string")))).join("");
    for (const s of x.map.stages)
      expect(all).toContain(s.name.replace(/&/g, "&amp;").replace(/'/g, "&apos;").split(" ")[0]);
    const described = x.map.stages.filter((s) => s.description).length;
    expect(Object.keys(zip.files).filter((f) => /notesSlide\d+\.xml$/.test(f)).length).toBeGreaterThanOrEqual(
      described,
    );
  });
});

describe.skipIf(!soffice)("LibreOffice Impress", () => {
  it("converts every template's slides without errors, with the right slide count", () => {
    execFileSync(
      soffice as string,
      [
        "--headless",
        `-env:UserInstallation=file://${dir}/lo`,
        "--convert-to",
        "pdf",
        "--outdir",
        join(dir, "pdf"),
        ...ids.map((id) => join(dir, `${id}.pptx`)),
      ],
      { stdio: "pipe", timeout: 240_000 },
    );
    const done = readdirSync(join(dir, "pdf"));
    for (const id of ids) {
      expect(done).toContain(`${id}.pdf`);
      const info = execFileSync("pdfinfo", [join(dir, "pdf", `${id}.pdf`)], { encoding: "utf8" });
      expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1]), id).toBe(slideCount(input(id).map));
    }
  }, 300_000);
});

describe("spreadsheet import", () => {
  it("reads a team's workbook with numbers as emotion points", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Journey Q3");
    ws.addRow(["Onboarding", "Sign up", "First use", "Renewal"]);
    ws.addRow(["Touchpoints", "Landing page\nSign-up form", "Welcome email", "Invoice"]);
    ws.addRow(["Emotions", 2, -1, 3]);
    ws.addRow(["Pain points", "", "Confusing setup", "Price jump"]);
    const r = await importMap("xlsx", new Uint8Array(await wb.xlsx.writeBuffer()), ctx());
    expect(r.preview?.lanes.map((l) => l.type)).toEqual(["touchpoints", "emotion", "pain_points"]);
    expect(r.document.map.emotionPoints.map((e) => e.value)).toEqual([2, -1, 3]);
    expect(r.document.map.cards.map((c) => c.text)).toEqual([
      "Landing page",
      "Sign-up form",
      "Welcome email",
      "Invoice",
      "Confusing setup",
      "Price jump",
    ]);
  });
  it("names the sheet, row and column of a bad cell", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Q3");
    ws.addRow(["Map", "A", "B"]);
    ws.addRow(["Emotions", 2, "no idea"]);
    const file = new Uint8Array(await wb.xlsx.writeBuffer());
    await expect(importMap("xlsx", file, ctx(), { laneTypes: { 2: "emotion" } })).rejects.toMatchObject({
      details: { problems: [{ path: "Q3!C2" }] },
    });
  });
  it("locates a bad typed field in the Cards sheet of a Wayline workbook", async () => {
    const out = bytes((await exportMap("xlsx", input("pizza-restaurant"))).body);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet("Cards") as ExcelJS.Worksheet;
    const head = (ws.getRow(1).values as unknown[]).slice(1);
    let at = 0;
    ws.eachRow((row, n) => {
      if (!at && row.getCell(head.indexOf("kind") + 1).value === "pain") at = n;
    });
    ws.getRow(at).getCell(head.indexOf("impact") + 1).value = "terrible";
    const bad = new Uint8Array(await wb.xlsx.writeBuffer());
    await expect(importMap("xlsx", bad, ctx())).rejects.toMatchObject({
      details: { problems: [{ path: `Cards!O${at}` }] },
    });
  });
  it("rejects a file that is not a workbook", async () => {
    await expect(importMap("xlsx", new TextEncoder().encode("hello"), ctx())).rejects.toBeInstanceOf(
      WaylineError,
    );
  });
});
