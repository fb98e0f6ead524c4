import { existsSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeWithService } from "../src/testing/services.ts";
import { buildWebApp, CHROMIUM, type Harness, startHarness } from "./harness.ts";
import { boxes, inside, pageOverflowX } from "./ui-checks.ts";

const shots = "e2e/screenshots";

async function pizzaMap(page: Page): Promise<string> {
  const res = await page.request.post("/api/journeys", { data: { templateId: "pizza-restaurant" } });
  expect(res.ok()).toBe(true);
  return (await res.json()).id as string;
}

/** How far the toolbar's content is wider than the toolbar (0 = it fits). */
const toolbarOverflow = (page: Page) =>
  page.locator("header.toolbar").evaluate((el) => el.scrollWidth - el.clientWidth);

describeWithService(
  "Chromium",
  existsSync(CHROMIUM),
  "editor toolbar at narrow widths and the skip link in Chromium",
  () => {
    let h: Harness;
    let mapId: string;
    beforeAll(async () => {
      buildWebApp();
      h = await startHarness();
      const page = await h.newPage();
      mapId = await pizzaMap(page);
      await page.close();
    }, 120_000);
    afterAll(async () => h?.close());

    for (const [width, height] of [
      [390, 844],
      [768, 1024],
      [1024, 768],
      [1366, 768],
      [1440, 900],
      [1920, 1080],
    ] as const)
      it(`fits the toolbar at ${width} px with every tool reachable`, async () => {
        const page = await h.newPage({ width, height });
        await page.goto(`/maps/${mapId}`);
        await page.getByRole("columnheader", { name: "Aware", exact: true }).waitFor();
        const [bar] = await boxes(page.locator("header.toolbar"));
        expect(bar?.w).toBeLessThanOrEqual(width);
        expect(await toolbarOverflow(page)).toBeLessThanOrEqual(0);
        // No page-level horizontal overflow: only the map canvas scrolls sideways.
        expect(await pageOverflowX(page)).toBeLessThanOrEqual(0);
        const more = page.getByRole("button", { name: "More tools" });
        if (width < 1920) {
          await more.click();
          const personas = page.getByRole("button", { name: "Personas", exact: true });
          await personas.waitFor();
          const [pop] = await boxes(page.locator(".tb-overflow.open"));
          expect(pop && inside(pop, { x: 0, y: 0, w: width, h: height })).toBe(true);
          await page.screenshot({ path: `${shots}/ui-toolbar-more-${width}x${height}.png` });
          await personas.click();
          await page.getByRole("complementary", { name: /Personas/ }).waitFor();
          expect(await page.locator(".tb-overflow.open").count()).toBe(0);
          // Escape closes the popover and gives focus back to its button.
          await more.click();
          await page.keyboard.press("Tab");
          await page.keyboard.press("Escape");
          expect(await page.locator(".tb-overflow.open").count()).toBe(0);
          expect(await more.evaluate((b) => b === document.activeElement)).toBe(true);
        } else {
          expect(await more.isVisible()).toBe(false);
          for (const name of ["Personas", "Emotion scale", "Data", "Print"])
            expect(await page.getByRole("button", { name, exact: true }).isVisible()).toBe(true);
        }
        // What the other browser tests click at 1366 px stays in the bar from 1280 px up.
        if (width >= 1280)
          for (const name of ["Data", "Create future state", "Undo", "Add stage"])
            expect(await page.getByRole("button", { name, exact: true }).isVisible()).toBe(true);
        if (width >= 1280)
          expect(await page.getByRole("button", { name: /^Analysis/ }).isVisible()).toBe(true);
        await page.screenshot({ path: `${shots}/ui-editor-${width}x${height}.png` });
        await page.close();
      });

    it("puts a skip link first in the Tab order that moves focus into the map", async () => {
      const page = await h.newPage({ width: 1366, height: 768 });
      await page.goto(`/maps/${mapId}`);
      await page.getByRole("columnheader", { name: "Aware", exact: true }).waitFor();
      await page.keyboard.press("Tab");
      const skip = page.getByRole("link", { name: "Skip to the map" });
      expect(await skip.evaluate((a) => a === document.activeElement)).toBe(true);
      const [box] = await boxes(skip);
      expect(box && box.y >= 0 && box.h > 10).toBe(true);
      await page.screenshot({ path: `${shots}/ui-skip-link-1366x768.png` });
      await page.keyboard.press("Enter");
      await expect
        .poll(() => page.evaluate(() => Boolean(document.activeElement?.closest('[role="grid"]'))))
        .toBe(true);
      await page.close();
    });
  },
);
