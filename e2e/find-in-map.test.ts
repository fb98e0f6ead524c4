import { existsSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeWithService } from "../src/testing/services.ts";
import { buildWebApp, CHROMIUM, type Harness, startHarness } from "./harness.ts";
import { largeMap } from "./large-map.ts";
import { inside, pageOverflowX } from "./ui-checks.ts";

/** Two cards get the needle: c0 (first lane, Stage 1, on screen) and c439 (last card lane, Stage 20). */
const NEAR = "c0";
const FAR = "c439";
const NEEDLE = "Zebra crossing";

/** Whether the card is drawn and lies inside the map's visible scroll box. */
const cardInView = (page: Page, id: string) =>
  page.evaluate((cardId) => {
    const card = document.querySelector(`.grid .card[data-card-id="${cardId}"]`);
    const box = document.querySelector(".grid-scroll")?.getBoundingClientRect();
    if (!card || !box) return false;
    const r = card.getBoundingClientRect();
    return r.left >= box.left && r.right <= box.right && r.top >= box.top && r.bottom <= box.bottom;
  }, id);

describeWithService("Chromium", existsSync(CHROMIUM), "find in map, on a large virtualised map", () => {
  let h: Harness;
  let mapId: string;
  beforeAll(async () => {
    buildWebApp();
    h = await startHarness();
    const page = await h.newPage();
    mapId = await largeMap(page);
    const view = await (await page.request.get(`/api/journeys/${mapId}`)).json();
    const res = await page.request.post(`/api/journeys/${mapId}/commands`, {
      data: {
        baseVersion: view.version,
        commands: [
          { type: "updateCard", id: NEAR, text: `${NEEDLE} near the door` },
          { type: "updateCard", id: FAR, text: `A ${NEEDLE.toLowerCase()} far away` },
        ],
      },
    });
    expect(res.ok()).toBe(true);
    await page.close();
  }, 180_000);
  afterAll(async () => h?.close());

  async function open(size = { width: 1440, height: 900 }): Promise<Page> {
    const page = await h.newPage(size);
    await page.goto(`/maps/${mapId}`);
    await page.getByRole("columnheader", { name: "Stage 1", exact: true }).waitFor();
    await page.locator(".card").first().waitFor();
    return page;
  }

  it("Ctrl+F finds a card the grid has not drawn, scrolls it into view, and Escape leaves focus on it", async () => {
    const page = await open();
    expect(await page.locator(`.card[data-card-id="${FAR}"]`).count(), "far card not drawn yet").toBe(0);
    await page.locator(".card").first().click();
    await page.keyboard.press("Escape");
    await page.keyboard.press("Control+f");
    const box = page.getByRole("searchbox", { name: "Find in map" });
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
    await box.fill("crossing ZEBRA");
    const count = page.locator("#find-in-map-count");
    await page.keyboard.press("Enter");
    await expect.poll(() => count.textContent()).toContain("1 of 2");
    await expect.poll(() => cardInView(page, NEAR)).toBe(true);
    // Next: the far card is drawn (pinned as the selected card) and scrolled into view.
    await page.keyboard.press("Enter");
    await expect.poll(() => count.textContent()).toContain("2 of 2");
    await expect.poll(() => cardInView(page, FAR), { message: "far card in view" }).toBe(true);
    expect(await count.textContent()).toContain(", Stage 20");
    expect(await page.locator(`.card[data-card-id="${FAR}"]`).getAttribute("class")).toContain("find-hit");
    // The find box kept the focus; Shift+Enter goes back, Enter wraps round.
    expect(await box.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press("Shift+Enter");
    await expect.poll(() => count.textContent()).toContain("1 of 2");
    await page.keyboard.press("ArrowUp");
    await expect.poll(() => count.textContent()).toContain("2 of 2");
    await expect.poll(() => cardInView(page, FAR)).toBe(true);
    // Escape closes the bar and focuses the card found.
    await page.keyboard.press("Escape");
    await expect.poll(() => box.count()).toBe(0);
    expect(
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.cardId ?? ""),
    ).toBe(FAR);
    await page.close();
  }, 90_000);

  it("finds a stage by name, says when nothing matches, and opens from the toolbar on a phone", async () => {
    const page = await open({ width: 390, height: 844 });
    await page.getByRole("button", { name: "Find in map" }).click();
    const bar = page.getByRole("search", { name: "Find in map" });
    const [barBox] = await bar.evaluateAll((els) =>
      els.map((el) => {
        const r = el.getBoundingClientRect();
        return { x: r.x, y: r.y, w: r.width, h: r.height };
      }),
    );
    expect(barBox && inside(barBox, { x: 0, y: 0, w: 390, h: 844 }), "find bar on screen").toBe(true);
    const box = page.getByRole("searchbox", { name: "Find in map" });
    await box.fill("stage 19");
    await page.keyboard.press("Enter");
    const count = page.locator("#find-in-map-count");
    await expect.poll(() => count.textContent()).toContain("1 of 1");
    const header = page.getByRole("columnheader", { name: "Stage 19", exact: true });
    await expect
      .poll(() =>
        header.evaluate((el) => {
          const r = el.getBoundingClientRect();
          return r.left >= 0 && r.right <= window.innerWidth;
        }),
      )
      .toBe(true);
    await box.fill("no such words here");
    await expect.poll(() => count.textContent()).toBe("No matches");
    expect(await page.getByRole("button", { name: "Next match" }).isDisabled()).toBe(true);
    expect(await pageOverflowX(page)).toBe(0);
    await page.getByRole("button", { name: "Close find" }).click();
    await expect.poll(() => box.count()).toBe(0);
    await page.close();
  }, 90_000);
});
