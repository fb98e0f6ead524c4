import { existsSync } from "node:fs";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeWithService } from "../src/testing/services.ts";
import { buildWebApp, CHROMIUM, type Harness, startHarness } from "./harness.ts";
import { boxes, inside, pageOverflowX } from "./ui-checks.ts";

const shots = "e2e/screenshots";
const SIZES = [
  { width: 1024, height: 768, what: "full editing" },
  { width: 768, height: 1024, what: "tablet editing" },
  { width: 390, height: 844, what: "reading, presence and comments" },
] as const;

/** The box lies within the window. */
async function onScreen(page: Page, l: Locator): Promise<boolean> {
  const [box] = await boxes(l);
  const v = page.viewportSize() ?? { width: 0, height: 0 };
  return !!box && inside(box, { x: 0, y: 0, w: v.width, h: v.height });
}

/** Clicks a toolbar tool by its visible name, through "More tools" when it is folded away. */
async function tool(page: Page, name: string): Promise<void> {
  const direct = page
    .locator("header.toolbar, .map-header, .toolbar")
    .getByRole("button", { name, exact: true });
  for (let i = 0; i < (await direct.count()); i++)
    if (await direct.nth(i).isVisible()) return direct.nth(i).click();
  await page.getByRole("button", { name: "More tools" }).click();
  await page.getByRole("button", { name, exact: true }).last().click();
}

/** Lane names whose words are split over two lines (e.g. "Emotio" / "n curve"). */
const brokenWords = (page: Page) =>
  page.locator(".lane-header .name-button").evaluateAll((els) =>
    els.flatMap((el) => {
      const text = el.firstChild;
      if (!text || text.nodeType !== Node.TEXT_NODE) return [];
      const out: string[] = [];
      const s = text.textContent ?? "";
      for (const m of s.matchAll(/\S+/g)) {
        const r = document.createRange();
        r.setStart(text, m.index);
        r.setEnd(text, m.index + m[0].length);
        const tops = new Set(
          [...r.getClientRects()].filter((b) => b.width > 0).map((b) => Math.round(b.top)),
        );
        if (tops.size > 1) out.push(`${s}: ${m[0]}`);
      }
      return out;
    }),
  );

describeWithService("Chromium", existsSync(CHROMIUM), "the editor at laptop, tablet and phone sizes", () => {
  let h: Harness;
  let mapId: string;
  beforeAll(async () => {
    buildWebApp();
    h = await startHarness();
    const page = await h.newPage();
    const res = await page.request.post("/api/journeys", { data: { templateId: "pizza-restaurant" } });
    mapId = (await res.json()).id;
    await page.close();
  }, 120_000);
  afterAll(async () => h?.close());

  for (const size of SIZES)
    it(`${size.width} × ${size.height} (${size.what}): no page overflow, card panel and comments on screen, lane names unbroken`, async () => {
      const page = await h.newPage({ width: size.width, height: size.height });
      await page.goto(`/maps/${mapId}`);
      await page.getByRole("columnheader", { name: "Aware", exact: true }).waitFor();
      expect(await pageOverflowX(page)).toBe(0);
      expect(await brokenWords(page)).toEqual([]);
      // The card panel.
      await page
        .getByRole("gridcell", { name: "What Eva does, Aware", exact: true })
        .locator(".card")
        .first()
        .click();
      const panel = page.getByRole("complementary", { name: "Card details" });
      await panel.waitFor();
      expect(await onScreen(page, panel), "card panel").toBe(true);
      expect(await pageOverflowX(page)).toBe(0);
      await panel.getByRole("button", { name: "Close panel" }).click();
      // Comments.
      await tool(page, "Comments");
      const comments = page.getByRole("complementary", { name: "Comments" });
      await comments.waitFor();
      expect(await onScreen(page, comments), "comments panel").toBe(true);
      expect(await pageOverflowX(page)).toBe(0);
      await page.screenshot({ path: `${shots}/responsive-${size.width}x${size.height}.png` });
      await page.close();
    }, 90_000);

  it("offers the template dialog on screen at each size", async () => {
    for (const size of SIZES) {
      const page = await h.newPage({ width: size.width, height: size.height });
      await page.goto("/");
      await page
        .getByRole("button", { name: /template/i })
        .first()
        .click();
      const dialog = page.getByRole("dialog").first();
      await dialog.waitFor();
      expect(await onScreen(page, dialog), `template dialog at ${size.width}`).toBe(true);
      expect(await pageOverflowX(page)).toBe(0);
      await page.close();
    }
  }, 90_000);
});
