import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { EVENTLOGS_DIR, sharedLogsPresent } from "../src/analytics/testing/shared-logs.ts";
import { fromMermaid, MAP_FORMAT_KEYS, MAP_FORMATS, toMermaid } from "../src/domain/index.ts";
import { buildTemplate, listTemplates } from "../src/domain/templates/index.ts";
import { sequentialIds } from "../src/domain/testing.ts";
import { PICTURE } from "../src/render/picture-layout.ts";
import { PICTURE_THEMES } from "../src/render/picture-theme.ts";
import { PDF_PREVIEW, pdfPageCount } from "../src/services/export/pdf-preview.ts";
import { decodePng, pixelsNotColour } from "../src/services/export/testing/png-decode.ts";
import { describeWithService } from "../src/testing/services.ts";
import { buildWebApp, CHROMIUM, type Harness, launchChromium, startHarness } from "./harness.ts";

const NOW = "2026-03-01T09:00:00.000Z";
const SHARED = join(import.meta.dirname, "../../shared/data/mermaid");
const hasPoppler = existsSync("/usr/bin/pdftoppm");

describeWithService("Chromium", existsSync(CHROMIUM), "exported Mermaid in the real mermaid package", () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage();
    await page.setContent("<!doctype html><html><body><div id=out></div></body></html>");
    await page.addScriptTag({ path: join(process.cwd(), "node_modules/mermaid/dist/mermaid.min.js") });
    await page.evaluate(() =>
      (window as unknown as { mermaid: { initialize(o: object): void } }).mermaid.initialize({
        startOnLoad: false,
      }),
    );
  });
  afterAll(async () => browser?.close());

  /** Parses and renders a diagram; answers the text of the rendered SVG, or the parse error. */
  const render = (text: string, n: number) =>
    page.evaluate(
      async ({ text, n }) => {
        const m = (
          window as unknown as {
            mermaid: {
              parse(t: string): Promise<unknown>;
              render(id: string, t: string): Promise<{ svg: string }>;
            };
          }
        ).mermaid;
        try {
          await m.parse(text);
          const { svg } = await m.render(`d${n}`, text);
          const el = document.createElement("div");
          el.innerHTML = svg;
          return { ok: true, text: el.textContent ?? "" };
        } catch (e) {
          return { ok: false, text: String(e) };
        }
      },
      { text, n },
    );

  const inputs = [
    ...listTemplates().map((t) => {
      const b = buildTemplate(t.id, { now: NOW, newId: sequentialIds("t") });
      return { name: t.id, map: b.map, text: toMermaid({ ...b, exportedAt: NOW }) };
    }),
    ...readdirSync(SHARED).map((f) => {
      const d = fromMermaid(readFileSync(join(SHARED, f), "utf8"), {
        now: NOW,
        newId: sequentialIds("m"),
      }).document;
      return { name: f, map: d.map, text: toMermaid({ ...d, exportedAt: NOW }) };
    }),
  ];

  it("every template and every shared file exports Mermaid that mermaid parses and draws with every stage", async () => {
    expect(inputs.length).toBeGreaterThan(16);
    let n = 0;
    for (const x of inputs) {
      const r = await render(x.text, n++);
      expect(r.ok, `${x.name}: ${r.text}`).toBe(true);
      // Names keep their words; Mermaid's separators (: # ;) are written as look-alikes.
      for (const s of x.map.stages)
        expect(r.text, x.name).toContain(
          s.name.replace(/:/g, "꞉").replace(/#/g, "＃").replace(/;/g, "；").split(" ")[0],
        );
    }
  }, 120_000);

  it("mermaid rejects what the importer rejects (the check can fail)", async () => {
    expect((await render("journey\n  title T\n  section S\n    no colon here\n", 999)).ok).toBe(false);
  });
});

describeWithService(
  "Chromium",
  existsSync(CHROMIUM),
  "Export menu, view mode and presentation in the editor",
  () => {
    let h: Harness;
    beforeAll(async () => {
      buildWebApp();
      h = await startHarness();
    }, 180_000);
    afterAll(async () => h?.close());

    it("exports with a preview, shows the map without chrome and presents it stage by stage from the keyboard", async () => {
      const res = await fetch(`${h.server.url}/api/journeys`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ templateId: "pizza-restaurant" }),
      });
      const map = (await res.json()) as { id: string; stages: { name: string; description: string }[] };
      const page = await h.newPage({ width: 1366, height: 800 });
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await page.goto(`/maps/${map.id}`);
      await page.getByRole("columnheader", { name: "Aware", exact: true }).waitFor();

      await page.getByRole("button", { name: "Export", exact: true }).click();
      const dialog = page.getByRole("dialog", { name: "Export" });
      await dialog.getByLabel(/PNG image/).check();
      const img = dialog.getByRole("img", { name: "Preview of the exported map" });
      await expect
        .poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth), { timeout: 30_000 })
        .toBeGreaterThan(1000);
      const href = (await dialog.getByRole("link", { name: /Download PNG/ }).getAttribute("href")) ?? "";
      expect(href).toContain("format=png&theme=light&scale=2");
      await dialog.getByLabel(/Mermaid journey/).check();
      const mermaid = await page.evaluate(
        async (u) => (await fetch(u)).text(),
        (await dialog.getByRole("link", { name: /Download Mermaid/ }).getAttribute("href")) ?? "",
      );
      expect(mermaid.startsWith("journey\n")).toBe(true);
      await dialog.getByRole("button", { name: "Close" }).click();

      await page.getByRole("button", { name: "View", exact: true }).click();
      const view = page.getByRole("dialog", { name: /^View:/ });
      await view.getByRole("img", { name: /Journey map: Pizza restaurant visit/ }).waitFor();
      expect(await view.getByRole("button", { name: "Add stage" }).count()).toBe(0);
      await page.keyboard.press("Escape");
      await view.waitFor({ state: "detached" });

      await page.getByRole("button", { name: "Present", exact: true }).click();
      const deck = page.getByRole("dialog", { name: /^Presentation:/ });
      await deck.getByRole("heading", { name: "Aware", level: 2 }).waitFor();
      await page.keyboard.press("PageDown");
      await deck.getByRole("heading", { name: "Research", level: 2 }).waitFor();
      await page.keyboard.press("ArrowRight");
      await deck.getByRole("heading", { name: "Arrival", level: 2 }).waitFor();
      expect(await deck.getByText("Unclear signage", { exact: false }).count()).toBeGreaterThan(0);
      await page.keyboard.press("ArrowLeft");
      await deck.getByRole("heading", { name: "Research", level: 2 }).waitFor();
      await page.keyboard.press("n");
      await expect(deck.getByLabel("Presenter notes").textContent()).resolves.toBe(
        map.stages[1]?.description,
      );
      await page.keyboard.press("End");
      await deck.getByRole("heading", { name: "Return", level: 2 }).waitFor();
      await deck.getByRole("navigation", { name: "Stages" }).getByRole("button", { name: "Order" }).click();
      await expect(deck.getByRole("button", { name: "Order" }).getAttribute("aria-current")).resolves.toBe(
        "step",
      );
      await page.keyboard.press("Escape");
      await deck.waitFor({ state: "detached" });
      expect(errors).toEqual([]);
    }, 180_000);

    it("downloads every registry format from the dialog, each a file of its kind", async () => {
      const res = await fetch(`${h.server.url}/api/journeys`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ templateId: "pizza-restaurant" }),
      });
      const map = (await res.json()) as { id: string; title: string };
      const page = await h.newPage({ width: 1366, height: 800 });
      await page.goto(`/maps/${map.id}`);
      await page.getByRole("columnheader", { name: "Aware", exact: true }).waitFor();
      await page.getByRole("button", { name: "Export", exact: true }).click();
      const dialog = page.getByRole("dialog", { name: "Export" });
      const zip = (b: Buffer) => b.subarray(0, 2).toString("latin1") === "PK";
      const kind: Record<(typeof MAP_FORMAT_KEYS)[number], (b: Buffer) => boolean> = {
        svg: (b) => b.toString("utf8").startsWith("<?xml") && b.includes("Aware"),
        png: (b) => b.readUInt32BE(0) === 0x89504e47 && decodePng(b).width > 1000,
        pdf: (b) => b.subarray(0, 5).toString("latin1") === "%PDF-",
        pptx: (b) => zip(b) && b.includes("ppt/slides/slide1.xml"),
        xlsx: (b) => zip(b) && b.includes("xl/workbook.xml"),
        csv: (b) => b.toString("utf8").split("\n")[0]?.includes("Aware") === true,
        mermaid: (b) => b.toString("utf8").startsWith("journey\n"),
        md: (b) => b.toString("utf8").startsWith(`# ${map.title}`),
        json: (b) => (JSON.parse(b.toString("utf8")) as { map: { id: string } }).map.id === map.id,
      };
      for (const k of MAP_FORMAT_KEYS) {
        const { label, extension } = MAP_FORMATS[k];
        await dialog.getByRole("radio", { name: new RegExp(`^${label}`) }).check();
        const href =
          (await dialog.getByRole("link", { name: `Download ${label}` }).getAttribute("href")) ?? "";
        expect(href, k).toContain(`format=${k}`);
        const body = await download(page, href);
        expect(kind[k](body), `${k}: ${body.subarray(0, 40).toString("latin1")}`).toBe(true);
        const disposition = await page.evaluate(
          async (u) => (await fetch(u)).headers.get("content-disposition"),
          href,
        );
        expect(disposition, k).toMatch(
          new RegExp(`^attachment; filename=".+\\.${extension.replace(".", "\\.")}"$`),
        );
      }
    }, 240_000);

    /** A map of four stages with the shared running example linked as its event log. */
    async function mapWithLog(): Promise<string> {
      const api = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
        const res = await fetch(`${h.server.url}${path}`, {
          method: "POST",
          headers: { "content-type": "application/json", ...headers },
          body: typeof body === "string" ? body : JSON.stringify(body),
        });
        expect(res.status, path).toBeLessThan(300);
        return (await res.json()) as { id: string };
      };
      const csv = readFileSync(join(EVENTLOGS_DIR, "running-example.csv"), "utf8");
      const log = await api("/api/logs?filename=running-example.csv&name=Claims", csv, {
        "content-type": "text/csv",
        "x-wayline-upload": "1",
      });
      const m = await api("/api/journeys", { title: "Compensation", kind: "current_state" });
      const rule = (pattern: string, stageId: string) => ({
        type: "addActivityRule",
        match: "exact",
        pattern,
        stageId,
      });
      await api(`/api/journeys/${m.id}/commands`, {
        baseVersion: 1,
        commands: [
          { type: "addStage", id: "s-reg", name: "Register" },
          { type: "addStage", id: "s-exa", name: "Examine" },
          { type: "addStage", id: "s-dec", name: "Decide" },
          { type: "addStage", id: "s-out", name: "Outcome" },
          rule("register request", "s-reg"),
          rule("examine casually", "s-exa"),
          rule("examine thoroughly", "s-exa"),
          rule("decide", "s-dec"),
          rule("pay compensation", "s-out"),
          rule("reject request", "s-out"),
        ],
      });
      await api(`/api/journeys/${m.id}/data/kpis`, { logId: log.id });
      return m.id;
    }

    /** The bytes behind a link of the dialog, fetched by the page (its session, its URL). */
    const download = async (page: Page, href: string) =>
      Buffer.from(
        await page.evaluate(async (u) => {
          const b = new Uint8Array(await (await fetch(u)).arrayBuffer());
          let s = "";
          for (const x of b) s += String.fromCharCode(x);
          return btoa(s);
        }, href),
        "base64",
      );

    it.skipIf(!hasPoppler || !sharedLogsPresent)(
      "previews a PDF as its real first page with the page count; the Data overlay box adds the observed row to SVG and PNG",
      async () => {
        const mapId = await mapWithLog();
        const page = await h.newPage({ width: 1366, height: 900 });
        const errors: string[] = [];
        page.on("pageerror", (e) => errors.push(e.message));
        await page.goto(`/maps/${mapId}`);
        await page.getByRole("columnheader", { name: "Register", exact: true }).waitFor();
        await page.getByRole("button", { name: "Export", exact: true }).click();
        const dialog = page.getByRole("dialog", { name: "Export" });
        const link = (name: RegExp) => dialog.getByRole("link", { name }).getAttribute("href");

        // PDF (the default): the preview is pdftoppm's drawing of the downloaded PDF's first page.
        const first = dialog.getByRole("img", { name: "First page of the exported PDF" });
        const shown = async () => {
          await expect
            .poll(() => first.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth), {
              timeout: 60_000,
            })
            .toBeGreaterThan(0);
          return Buffer.from(
            (await first.getAttribute("src"))?.replace(/^data:image\/png;base64,/, "") ?? "",
            "base64",
          );
        };
        const pageOne = (pdf: Buffer) => {
          const dir = mkdtempSync(join(tmpdir(), "wayline-e2e-pdf-"));
          writeFileSync(join(dir, "m.pdf"), pdf);
          execFileSync("pdftoppm", [
            "-png",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            "-scale-to",
            String(PDF_PREVIEW.maxSide),
            join(dir, "m.pdf"),
            join(dir, "p"),
          ]);
          return readFileSync(join(dir, "p.png"));
        };
        const fitPng = await shown();
        const fitPdf = await download(page, (await link(/Download PDF/)) ?? "");
        expect(fitPdf.subarray(0, 5).toString()).toBe("%PDF-");
        expect(fitPng.equals(pageOne(fitPdf))).toBe(true);
        await dialog.getByText("Page 1 of 1 page", { exact: true }).waitFor();

        await dialog.getByLabel(/^Page/).selectOption("A4");
        await dialog.getByLabel(/^Layout/).selectOption("tile");
        const tiled = await download(page, (await link(/Download PDF/)) ?? "");
        const pages = pdfPageCount(tiled);
        expect(pages).toBeGreaterThan(1);
        await dialog.getByText(`Page 1 of ${pages} pages`, { exact: true }).waitFor();
        const tilePng = await shown();
        expect(tilePng.equals(fitPng)).toBe(false);
        expect(tilePng.equals(pageOne(tiled))).toBe(true);

        // SVG: the box adds the "Observed in data" row with the log's figures; unchecked, it is gone.
        await dialog.getByLabel(/SVG image/).check();
        const overlayBox = dialog.getByLabel(/^Data overlay/);
        await overlayBox.check();
        const svgOn = (await download(page, (await link(/Download SVG/)) ?? "")).toString("utf8");
        expect(svgOn).toContain("Observed in data");
        expect(svgOn).toContain("event log Claims (6 cases)");
        expect(svgOn).toContain("6 cases reach · 100 %");
        await overlayBox.uncheck();
        const svgOff = (await download(page, (await link(/Download SVG/)) ?? "")).toString("utf8");
        expect(svgOff).toContain("Register");
        expect(svgOff).not.toContain("Observed in data");

        // PNG: with the box, the picture is one data row taller and its reach bars are drawn.
        await dialog.getByLabel(/PNG image/).check();
        await dialog.getByLabel(/^Resolution/).selectOption("1");
        const pngOff = decodePng(await download(page, (await link(/Download PNG/)) ?? ""));
        await overlayBox.check();
        const pngOn = decodePng(await download(page, (await link(/Download PNG/)) ?? ""));
        expect(pngOn.height - pngOff.height).toBe(PICTURE.dataHeight);
        const dataY = svgOn.match(/<rect x="0" y="(\d+)" width="200" height="64"/)?.[1];
        expect(dataY).toBeDefined();
        // Register's bar (reach 100 %): accent colour across the column, under the stage header.
        const bar = { x: PICTURE.headerWidth + PICTURE.pad + 4, y: Number(dataY) + 9, w: 200, h: 4 };
        expect(pixelsNotColour(pngOn, bar, PICTURE_THEMES.light.accent)).toBe(0);
        expect(pixelsNotColour(pngOff, bar, PICTURE_THEMES.light.accent)).toBeGreaterThan(
          bar.w * bar.h * 0.9,
        );
        const preview = dialog.getByRole("img", { name: "Preview of the exported map" });
        await expect
          .poll(() => preview.evaluate((i: HTMLImageElement) => i.complete && i.naturalHeight), {
            timeout: 30_000,
          })
          .toBe(pngOn.height);
        expect(errors).toEqual([]);
      },
      240_000,
    );
  },
);
