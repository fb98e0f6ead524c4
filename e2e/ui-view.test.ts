import { existsSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeWithService } from "../src/testing/services.ts";
import { buildWebApp, CHROMIUM, type Harness, startHarness } from "./harness.ts";

/** A new map from the pizza template (8 stages, persona Eva), opened in the editor. */
async function openPizza(
  h: Harness,
  size = { width: 1440, height: 900 },
): Promise<{ page: Page; id: string }> {
  const page = await h.newPage(size);
  const res = await page.request.post("/api/journeys", { data: { templateId: "pizza-restaurant" } });
  expect(res.ok()).toBe(true);
  const id = (await res.json()).id as string;
  await page.goto(`/maps/${id}`);
  await page.getByRole("columnheader", { name: "Aware", exact: true }).waitFor();
  return { page, id };
}

const zoomText = (page: Page) =>
  page.getByRole("toolbar", { name: "Map view" }).locator(".zoom-value").innerText();
const width = async (page: Page, selector: string) =>
  (await page.locator(selector).first().boundingBox())?.width ?? 0;

describeWithService(
  "Chromium",
  existsSync(CHROMIUM),
  "the map's view controls, font and details in Chromium",
  () => {
    let h: Harness;
    beforeAll(async () => {
      buildWebApp();
      h = await startHarness();
    }, 120_000);
    afterAll(async () => h?.close());

    it("draws the map in the bundled Inter font, not a system font", async () => {
      const { page } = await openPizza(h);
      const loaded = await page.evaluate(async () => {
        await document.fonts.ready;
        return [...document.fonts]
          .filter((f) => f.family.replace(/["']/g, "") === "Inter" && f.status === "loaded")
          .map((f) => f.weight);
      });
      // The regular text and the semi-bold headings both came from the bundle.
      expect(loaded).toContain("400");
      expect(loaded).toContain("600");
      const family = await page
        .locator(".card-text")
        .first()
        .evaluate((el) => getComputedStyle(el).fontFamily);
      expect(family.startsWith("Inter")).toBe(true);
      await page.close();
    }, 60_000);

    it("zooms with Ctrl + / − / 0 and the buttons, fits to screen, switches density and remembers the zoom", async () => {
      const { page, id } = await openPizza(h);
      expect(await zoomText(page)).toContain("100 %");
      const stage100 = await width(page, ".stage-header");
      await page.locator(".grid-scroll").click({ position: { x: 5, y: 5 } });
      await page.keyboard.press("Control+Equal");
      await page.keyboard.press("Control+Equal");
      expect(await zoomText(page)).toContain("120 %");
      expect((await width(page, ".stage-header")) / stage100).toBeCloseTo(1.2, 1);
      await page.keyboard.press("Control+Minus");
      expect(await zoomText(page)).toContain("110 %");
      await page.keyboard.press("Control+0");
      expect(await zoomText(page)).toContain("100 %");
      // The buttons go to the limits and stop there (50–150 %).
      const view = page.getByRole("toolbar", { name: "Map view" });
      for (let i = 0; i < 7; i++) await view.getByRole("button", { name: "Zoom out" }).click({ force: true });
      expect(await zoomText(page)).toContain("50 %");
      expect(await view.getByRole("button", { name: "Zoom out" }).isDisabled()).toBe(true);
      // Fit to screen: every stage fits the visible width, no sideways scrolling.
      await view.getByRole("button", { name: "Fit to screen" }).click();
      const fit = await page
        .locator(".grid-scroll")
        .evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
      expect(fit.scroll).toBeLessThanOrEqual(fit.client + 1);
      const fitted = await zoomText(page);
      expect(fitted).not.toContain("100 %");
      // Compact cards: the same card is shorter, and the button says it is pressed.
      const card = page.locator(".card").first();
      const tall = (await card.boundingBox())?.height ?? 0;
      await view.getByRole("button", { name: "Compact cards" }).click();
      expect(await view.getByRole("button", { name: "Compact cards" }).getAttribute("aria-pressed")).toBe(
        "true",
      );
      expect((await card.boundingBox())?.height ?? 0).toBeLessThan(tall);
      // Both are remembered in this browser.
      await page.goto(`/maps/${id}`);
      await page.getByRole("columnheader", { name: "Aware", exact: true }).waitFor();
      expect(await zoomText(page)).toBe(fitted);
      expect(await view.getByRole("button", { name: "Compact cards" }).getAttribute("aria-pressed")).toBe(
        "true",
      );
      // Back to the defaults for the other tests of this browser.
      await view.getByRole("button", { name: "Compact cards" }).click();
      await page.keyboard.press("Control+0");
      await page.close();
    }, 90_000);

    it("jumps to a stage from the stage menu: its header gets focus, clear of the sticky lane column", async () => {
      const { page } = await openPizza(h, { width: 1024, height: 768 });
      const jump = page.getByRole("combobox", { name: "Jump to stage" });
      const options = await jump.locator("option").allInnerTexts();
      const last = options[options.length - 1] as string;
      expect(last).toMatch(/^8\. /);
      await jump.selectOption({ label: last });
      const name = last.replace(/^8\. /, "");
      await expect
        .poll(() =>
          page.evaluate(
            () =>
              document.activeElement?.getAttribute("aria-label") ?? document.activeElement?.textContent ?? "",
          ),
        )
        .toContain(name);
      expect(await page.locator(".grid-scroll").evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
      const clear = await page.evaluate(() => {
        const a = (document.activeElement as HTMLElement).getBoundingClientRect();
        const lane = document.querySelector(".lane-header")?.getBoundingClientRect();
        return !!lane && a.left >= lane.right - 1;
      });
      expect(clear).toBe(true);
      await page.close();
    }, 60_000);

    it("reaches an empty cell with the arrow keys and adds a card there with Enter", async () => {
      const page = await h.newPage({ width: 1440, height: 900 });
      const made = await (
        await page.request.post("/api/journeys", { data: { title: "Cells", kind: "current_state" } })
      ).json();
      const r = await page.request.post(`/api/journeys/${made.id}/commands`, {
        data: {
          baseVersion: made.version,
          commands: [
            { type: "addStage", id: "s1", name: "Order" },
            { type: "addStage", id: "s2", name: "Wait" },
            { type: "addStage", id: "s3", name: "Eat" },
            { type: "addLane", id: "l1", laneType: "actions", name: "What Eva does" },
            { type: "addCard", id: "c1", laneId: "l1", stageId: "s1", text: "Calls the shop" },
          ],
        },
      });
      expect(r.ok()).toBe(true);
      await page.goto(`/maps/${made.id}`);
      const first = page.getByRole("gridcell", { name: /^What Eva does, Order/ });
      await first.waitFor();
      // From the card's cell, two steps right: the empty "Eat" cell (cells are grid stops too).
      await first.focus();
      await page.keyboard.press("ArrowRight");
      await page.keyboard.press("ArrowRight");
      const focused = await page.evaluate(() => ({
        label: document.activeElement?.getAttribute("aria-label") ?? "",
        role: document.activeElement?.getAttribute("role"),
        tab: document.activeElement?.getAttribute("tabindex"),
      }));
      expect(focused.role).toBe("gridcell");
      expect(focused.label).toMatch(/^What Eva does, Eat/);
      expect(focused.tab).toBe("0");
      await page.keyboard.press("Enter");
      await page.locator("textarea.card-editor").waitFor();
      await page.keyboard.type("Reached by keyboard");
      await page.keyboard.press("Escape");
      await expect
        .poll(() => page.getByRole("gridcell", { name: /^What Eva does, Eat/ }).innerText())
        .toContain("Reached by keyboard");
      await page.close();
    }, 60_000);

    it("switches between the personas of a multi-persona map, with avatar and quote", async () => {
      const page = await h.newPage({ width: 1440, height: 900 });
      const make = async (name: string, quote: string) => {
        const r = await page.request.post("/api/personas", { data: { name, quote, role: "Guest" } });
        expect(r.ok()).toBe(true);
        return (await r.json()).id as string;
      };
      const ana = await make("Ana Ortiz", "I just want my pizza hot.");
      const ben = await make("Ben Kowalski", "Tell me when it leaves the oven.");
      const made = await page.request.post("/api/journeys", {
        data: { title: "Two guests", kind: "current_state" },
      });
      const map = await made.json();
      const r = await page.request.post(`/api/journeys/${map.id}/commands`, {
        data: {
          baseVersion: map.version,
          commands: [
            { type: "addStage", id: "s1", name: "Order" },
            { type: "attachPersona", personaId: ana, index: 0 },
            { type: "attachPersona", personaId: ben, index: 1 },
          ],
        },
      });
      expect(r.ok()).toBe(true);
      await page.goto(`/maps/${map.id}`);
      const strip = page.getByRole("region", { name: "Personas of this map" });
      const tabs = strip.getByRole("tablist", { name: "Persona" }).getByRole("tab");
      await expect.poll(() => tabs.count()).toBe(2);
      await expect.poll(() => strip.innerText()).toContain("I just want my pizza hot.");
      expect(await strip.locator(".avatar, img").count()).toBeGreaterThanOrEqual(1);
      await tabs.filter({ hasText: "Ben Kowalski" }).click();
      expect(await tabs.filter({ hasText: "Ben Kowalski" }).getAttribute("aria-selected")).toBe("true");
      await expect.poll(() => strip.innerText()).toContain("Tell me when it leaves the oven.");
      expect(await strip.innerText()).not.toContain("I just want my pizza hot.");
      await page.close();
    }, 60_000);

    it("tells cards apart by kind and lanes by colour; stage and phase chrome show only on hover or focus", async () => {
      const { page } = await openPizza(h);
      // Each kind of card has its own fill, not only a thin left border.
      const fills = await page.evaluate(() => {
        const byKind = new Map<string, string>();
        for (const el of document.querySelectorAll<HTMLElement>(".card")) {
          const kind = [...el.classList].find((c) => c.startsWith("kind-"));
          if (kind && !byKind.has(kind)) byKind.set(kind, getComputedStyle(el).backgroundColor);
        }
        return Object.fromEntries(byKind);
      });
      expect(Object.keys(fills).length).toBeGreaterThanOrEqual(4);
      expect(new Set(Object.values(fills)).size).toBeGreaterThanOrEqual(4);
      // Lane headers carry their type's colour (icon tile), different across lane types.
      const tones = await page
        .locator(".lane-header .lane-icon")
        .evaluateAll((els) => els.map((el) => getComputedStyle(el).backgroundColor));
      expect(new Set(tones).size).toBeGreaterThanOrEqual(4);
      expect(tones.every((t) => t !== "rgba(0, 0, 0, 0)")).toBe(true);
      // Stage and phase chrome: hidden until the header is hovered or holds focus.
      const opacityOf = (sel: string) =>
        page
          .locator(sel)
          .first()
          .evaluate((el) => Number(getComputedStyle(el).opacity));
      await page.mouse.move(1000, 10);
      const stageMenu = ".stage-header .chrome";
      const phaseX = ".phase-row .phase-band .chrome";
      await expect.poll(() => opacityOf(stageMenu)).toBe(0);
      await expect.poll(() => opacityOf(phaseX)).toBe(0);
      await page.locator(".stage-header").first().hover();
      await expect.poll(() => opacityOf(stageMenu)).toBe(1);
      await page.locator(".phase-row .phase-band").first().hover();
      await expect.poll(() => opacityOf(phaseX)).toBe(1);
      await page.mouse.move(1000, 10);
      await page.getByRole("columnheader", { name: "Aware", exact: true }).focus();
      await expect.poll(() => opacityOf(stageMenu)).toBe(1);
      await page.close();
    }, 60_000);

    it("needs few Tab stops to reach the map without the skip link, and keeps focus clear of the sticky headers", async () => {
      const { page } = await openPizza(h);
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      let stops = 0;
      for (; stops < 60; stops++) {
        await page.keyboard.press("Tab");
        if (await page.evaluate(() => !!document.activeElement?.closest('[role="grid"]'))) break;
      }
      // Counted from the page start: the skip link, the toolbar and the map header come first.
      // 31 on 2026-12-02 (was 47): the toolbar and header buttons come first; the skip link makes it 2.
      expect(stops + 1).toBeLessThanOrEqual(32);
      // Far right, then back home: the first cell shows clear of both sticky headers.
      await page.keyboard.press("Control+End");
      await page.keyboard.press("Control+Home");
      const clear = await page.evaluate(() => {
        const a = (document.activeElement as HTMLElement).getBoundingClientRect();
        const lane = document.querySelector(".lane-header")?.getBoundingClientRect();
        const stage = document.querySelector(".stage-header")?.getBoundingClientRect();
        return {
          ok: !!lane && !!stage && a.left >= lane.right - 1 && a.top >= stage.bottom - 1,
          label: document.activeElement?.getAttribute("aria-label") ?? "",
        };
      });
      // Ctrl+Home: the first cell of the first lane (or its first card).
      expect(clear.label).toMatch(/^(What Eva does, Aware|Asks friends where to get a good pizza nearby)/);
      expect(clear.ok).toBe(true);
      await page.close();
    }, 60_000);

    it("names emotion patterns in words, never as bare glyphs", async () => {
      const { page } = await openPizza(h);
      const words = await page.locator(".pattern-marker .pattern-word").allInnerTexts();
      expect(words.length).toBeGreaterThan(0);
      for (const w of words) expect(w.trim()).toMatch(/^[A-Z][a-z]+( [a-z]+)*$/);
      const markers = await page.locator(".pattern-marker").allInnerTexts();
      for (const m of markers) expect(m).toMatch(/[A-Za-z]{4,}/);
      await page.close();
    }, 60_000);
  },
);
