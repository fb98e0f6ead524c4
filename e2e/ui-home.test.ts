import { existsSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeWithService } from "../src/testing/services.ts";
import { buildWebApp, CHROMIUM, type Harness, startHarness } from "./harness.ts";
import { boxes, inside, pageOverflowX } from "./ui-checks.ts";

const shots = "e2e/screenshots";
const PHONE = { width: 390, height: 844 };

/**
 * Text of preview cells with a line cut in half: a line box of the text that is neither wholly
 * inside the box where the cell shows text (its content box when the clip stops there) nor
 * wholly outside it.
 */
async function cellsCutMidLine(page: Page): Promise<string[]> {
  return page.locator(".gallery-preview .preview-cell").evaluateAll((els) =>
    els
      .filter((el) => {
        const s = getComputedStyle(el);
        const box = el.getBoundingClientRect();
        const scale = box.height / (el as HTMLElement).offsetHeight || 1;
        const atContent = s.overflowClipMargin.startsWith("content-box");
        const top = box.top + (atContent ? Number.parseFloat(s.paddingTop) * scale : 0);
        const bottom = box.bottom - (atContent ? Number.parseFloat(s.paddingBottom) * scale : 0);
        const range = document.createRange();
        range.selectNodeContents(el);
        return [...range.getClientRects()].some((r) => {
          const visible = Math.min(r.bottom, bottom) - Math.max(r.top, top);
          return visible > 1 && visible < r.height - 1;
        });
      })
      .map((el) => el.textContent ?? ""),
  );
}

async function dialogOnScreen(page: Page, name: string) {
  const dialog = page.getByRole("dialog", { name });
  await dialog.waitFor();
  const [box] = await boxes(dialog);
  const vp = page.viewportSize() ?? PHONE;
  expect(box && inside(box, { x: 0, y: 0, w: vp.width, h: vp.height })).toBe(true);
  return dialog;
}

describeWithService(
  "Chromium",
  existsSync(CHROMIUM),
  "home page, blank-map start and templates in Chromium",
  () => {
    let h: Harness;
    beforeAll(async () => {
      buildWebApp();
      h = await startHarness();
    }, 120_000);
    afterAll(async () => h?.close());

    it("welcomes an empty workspace with the gallery; 'No maps match' only under a filter", async () => {
      const page = await h.newPage({ width: 1366, height: 900 });
      await page.goto("/");
      await page.getByRole("heading", { name: "Welcome to Wayline" }).waitFor();
      expect(await page.getByText("No maps match").count()).toBe(0);
      const welcome = page.getByRole("region", { name: "Welcome to Wayline" });
      await welcome.getByRole("button", { name: /Pizza restaurant/ }).click();
      const stages = welcome.getByRole("list", { name: "Stages" }).getByRole("listitem");
      await expect.poll(() => stages.count()).toBe(8);
      // Every stage column of the preview is inside the preview's box; no cell is cut mid-line.
      const [fit] = await boxes(welcome.locator(".preview-fit"));
      const columns = await boxes(welcome.locator(".preview-stage"));
      expect(columns).toHaveLength(8);
      expect(columns.filter((c) => !(fit && inside(c, fit))).map((c) => c.text)).toEqual([]);
      await page.screenshot({ path: `${shots}/ui-home-welcome-1366x900.png` });
      expect(await cellsCutMidLine(page)).toEqual([]);

      await page.getByRole("searchbox", { name: "Search maps" }).fill("zzz");
      await page.getByText("No maps match the search and filters.").waitFor();
      expect(await page.getByRole("heading", { name: "Welcome to Wayline" }).count()).toBe(0);
      await page.getByRole("button", { name: "Clear search and filters" }).click();
      await page.getByRole("heading", { name: "Welcome to Wayline" }).waitFor();
    });

    it("starts a blank map from a stage preset and a lane set, or from pasted names, as a ready grid", async () => {
      const page = await h.newPage({ width: 1366, height: 900 });
      await page.goto("/");
      await page.getByRole("button", { name: "New blank map" }).first().click();
      const dialog = await dialogOnScreen(page, "New blank map");
      await dialog.getByRole("textbox", { name: "Title" }).fill("Appliance purchase");
      await dialog.getByRole("radio", { name: /Seven-stage purchase/ }).check();
      await dialog.getByRole("radio", { name: /Essentials/ }).check();
      await dialog.getByText("7 stages × 6 lanes").waitFor();
      await page.screenshot({ path: `${shots}/ui-new-blank-map-1366x900.png` });
      await dialog.getByRole("button", { name: "Create map" }).click();
      await page.getByRole("columnheader", { name: "Need", exact: true }).waitFor();
      for (const s of ["Search", "Choice", "Purchase and receipt", "Use", "Support", "Loyalty"])
        await page.getByRole("columnheader", { name: s, exact: true }).waitFor();
      expect(await page.getByRole("rowheader").count()).toBe(6);
      expect(await page.getByRole("button", { name: "Add card", exact: true }).count()).toBeGreaterThan(0);

      await page.goto("/");
      await page.getByRole("button", { name: "New blank map" }).first().click();
      const again = await dialogOnScreen(page, "New blank map");
      await again.getByRole("radio", { name: /My own stages/ }).check();
      expect(await again.getByRole("button", { name: "Create map" }).isDisabled()).toBe(true);
      await again
        .getByRole("textbox", { name: "Stage names, one per line" })
        .fill("1. Hear of us\n\n2. Sign up\n3. First win\n");
      await again.getByRole("radio", { name: /Minimal/ }).check();
      await again.getByText("3 stages × 3 lanes").waitFor();
      await again.getByRole("button", { name: "Create map" }).click();
      await page.getByRole("columnheader", { name: "First win", exact: true }).waitFor();
      expect(await page.getByRole("columnheader", { name: "Hear of us", exact: true }).count()).toBe(1);
      expect(await page.getByRole("rowheader").count()).toBe(3);
    });

    it("fits a phone: no page overflow, dialogs on screen; persona column aligned on a wide screen", async () => {
      const wide = await h.newPage({ width: 1366, height: 900 });
      await wide.goto("/");
      await wide.getByRole("button", { name: "Start from a template" }).click();
      await wide
        .getByRole("dialog")
        .getByRole("button", { name: /Pizza restaurant/ })
        .click();
      await wide.getByRole("button", { name: "Use this template" }).click();
      await wide.getByRole("columnheader", { name: "Aware", exact: true }).waitFor();
      await wide.goto("/");
      const row = wide.getByRole("row", { name: /Pizza/ });
      await row.waitFor();
      // The persona cell is a table cell like its neighbours: same top and height, avatar centred.
      const [title] = await boxes(row.locator("td.map-title"));
      const [persona] = await boxes(row.locator("td.map-personas"));
      const [avatar] = await boxes(row.locator("td.map-personas .avatar").first());
      expect(persona && title && Math.abs(persona.y - title.y)).toBeLessThanOrEqual(1);
      expect(persona && title && Math.abs(persona.h - title.h)).toBeLessThanOrEqual(1);
      expect(
        avatar && persona && Math.abs(avatar.y + avatar.h / 2 - (persona.y + persona.h / 2)),
      ).toBeLessThanOrEqual(2);
      await wide.screenshot({ path: `${shots}/ui-home-list-1366x900.png` });

      const page = await h.newPage(PHONE);
      await page.goto("/");
      await page.getByRole("row", { name: /Pizza/ }).waitFor();
      expect(await pageOverflowX(page)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `${shots}/ui-home-390x844.png`, fullPage: true });
      await page.getByRole("button", { name: "Start from a template" }).click();
      const gallery = await dialogOnScreen(page, "Start from a template");
      await gallery.getByRole("button", { name: /Pizza restaurant/ }).click();
      // The description reads as lines of words, not one word per line.
      const [desc] = await boxes(gallery.locator(".gallery-preview > p").first());
      expect(desc?.w).toBeGreaterThan(250);
      expect(await pageOverflowX(page)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `${shots}/ui-template-dialog-390x844.png` });
      await page.keyboard.press("Escape");
      await page.getByRole("button", { name: "New blank map" }).click();
      await dialogOnScreen(page, "New blank map");
      expect(await pageOverflowX(page)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `${shots}/ui-new-blank-map-390x844.png` });
    });
  },
);
