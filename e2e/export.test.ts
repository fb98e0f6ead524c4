import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { fromMermaid, toMermaid } from "../src/domain/index.ts";
import { buildTemplate, listTemplates } from "../src/domain/templates/index.ts";
import { sequentialIds } from "../src/domain/testing.ts";
import { describeWithService } from "../src/testing/services.ts";
import { buildWebApp, CHROMIUM, type Harness, launchChromium, startHarness } from "./harness.ts";

const NOW = "2026-03-01T09:00:00.000Z";
const SHARED = join(import.meta.dirname, "../../shared/data/mermaid");

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
  },
);
