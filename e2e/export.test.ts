import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { fromMermaid, toMermaid } from "../src/domain/index.ts";
import { buildTemplate, listTemplates } from "../src/domain/templates/index.ts";
import { sequentialIds } from "../src/domain/testing.ts";
import { describeWithService } from "../src/testing/services.ts";
import { CHROMIUM } from "./harness.ts";

const NOW = "2026-03-01T09:00:00.000Z";
const SHARED = join(import.meta.dirname, "../../shared/data/mermaid");

describeWithService("Chromium", existsSync(CHROMIUM), "exported Mermaid in the real mermaid package", () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run"],
    });
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
