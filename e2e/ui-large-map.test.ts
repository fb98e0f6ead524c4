import { existsSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeWithService } from "../src/testing/services.ts";
import { buildWebApp, CHROMIUM, type Harness, startHarness } from "./harness.ts";
import { largeMap } from "./large-map.ts";
import { boxes } from "./ui-checks.ts";

const active = (page: Page) =>
  page.evaluate(() => {
    const a = document.activeElement as HTMLElement | null;
    const cell = a?.closest('[role="gridcell"]');
    return { label: a?.getAttribute("aria-label") ?? "", cell: cell?.getAttribute("aria-label") ?? "" };
  });

describeWithService("Chromium", existsSync(CHROMIUM), "a large map drawn virtualised, in Chromium", () => {
  let h: Harness;
  let mapId: string;
  beforeAll(async () => {
    buildWebApp();
    h = await startHarness();
    const page = await h.newPage();
    mapId = await largeMap(page);
    await page.close();
  }, 180_000);
  afterAll(async () => h?.close());

  async function open(): Promise<Page> {
    const page = await h.newPage({ width: 1440, height: 900 });
    await page.goto(`/maps/${mapId}`);
    await page.getByRole("columnheader", { name: "Stage 1", exact: true }).waitFor();
    await page.locator(".card").first().waitFor();
    return page;
  }

  it("draws only the cells in view (plus a margin) and keeps every cell's place", async () => {
    const page = await open();
    // Every cell is in the grid (11 card lanes × 20 stages), most of them as placeholders.
    expect(await page.locator('[role="gridcell"][data-drop]').count()).toBe(220);
    const drawn = await page.locator(".card").count();
    expect(drawn).toBeGreaterThan(20);
    expect(drawn).toBeLessThan(400);
    // Scrolling to the far right draws the last stage's cards.
    await page.locator(".grid-scroll").evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
    await page
      .getByRole("gridcell", { name: "Actions, Stage 20", exact: true })
      .locator(".card")
      .first()
      .waitFor();
    await page.close();
  }, 90_000);

  it("moves keyboard focus to off-screen cells and cards, and finds a card's stub from outside the grid", async () => {
    const page = await open();
    await page.locator(".card").first().focus();
    expect((await active(page)).cell).toBe("Actions, Stage 1");
    // End: the last stage of the lane, drawn on demand, focus on its real first card.
    await page.keyboard.press("End");
    await expect.poll(async () => (await active(page)).cell).toBe("Actions, Stage 20");
    expect(await page.evaluate(() => document.activeElement?.classList.contains("card"))).toBe(true);
    // Ctrl+Home comes back to the first card, though it was drawn as a placeholder meanwhile.
    await page.keyboard.press("Control+Home");
    await expect.poll(async () => (await active(page)).cell).toBe("Actions, Stage 1");
    expect(await page.evaluate(() => document.activeElement?.classList.contains("card"))).toBe(true);
    // A card off screen, reached by its id (as comments and "reveal" do): focus lands on the real card.
    await page.evaluate(() => document.querySelector<HTMLElement>('[data-card-id="c215"]')?.focus());
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute("data-card-id")))
      .toBe("c215");
    expect(await page.evaluate(() => document.activeElement?.classList.contains("card"))).toBe(true);
    await page.close();
  }, 90_000);

  it("shows a minimap that moves the view by click and by keyboard, reached with Tab from the grid, hidden on phones", async () => {
    const page = await open();
    const scroller = page.locator(".grid-scroll");
    const mini = page.getByRole("slider", { name: "Map overview" });
    await mini.waitFor();
    // Its viewport rectangle sits at the left while the map is scrolled to the start.
    const view = await page.locator(".minimap-view").boundingBox();
    const box = await mini.boundingBox();
    if (!view || !box) throw new Error("no minimap");
    expect(view.x - box.x).toBeLessThan(10);
    // A click near its top right corner scrolls the map there.
    await page.mouse.click(box.x + box.width - 6, box.y + 3);
    await expect
      .poll(() => scroller.evaluate((el) => el.scrollWidth - el.clientWidth - el.scrollLeft))
      .toBeLessThan(250);
    await page
      .getByRole("gridcell", { name: "Actions, Stage 20", exact: true })
      .locator(".card")
      .first()
      .waitFor();
    // Keyboard: Tab from the grid's card reaches the minimap; Home goes back to the start.
    await page.locator(".card").first().focus();
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe(
      "Map overview",
    );
    await page.keyboard.press("Home");
    await expect.poll(() => scroller.evaluate((el) => el.scrollLeft)).toBe(0);
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => scroller.evaluate((el) => el.scrollLeft)).toBeGreaterThan(200);
    await page.setViewportSize({ width: 390, height: 844 });
    await expect.poll(() => mini.isVisible()).toBe(false);
    await page.close();
  }, 90_000);

  it("drops a card dragged to the right edge into the cell under the pointer after the map scrolled", async () => {
    const page = await open();
    const scroller = page.locator(".grid-scroll");
    const source = page.getByRole("gridcell", { name: "Actions, Stage 1", exact: true });
    const card = source.locator(".card").first();
    const text = (await card.getAttribute("aria-label")) ?? "";
    const from = (await card.boundingBox()) ?? { x: 0, y: 0, width: 0, height: 0 };
    const [view] = await boxes(scroller);
    if (!view) throw new Error("no scroller");
    await page.mouse.move(from.x + 20, from.y + 10);
    await page.mouse.down();
    const edge = view.x + view.w - 12;
    await page.mouse.move(edge - 200, from.y + 20, { steps: 6 });
    await page.mouse.move(edge, from.y + 20, { steps: 6 });
    // Held at the edge, the map scrolls sideways: the drop lands beyond the columns drawn when the drag began (1–7).
    await expect
      .poll(() => scroller.evaluate((el) => el.scrollLeft), { timeout: 30_000 })
      .toBeGreaterThan(1200);
    // Back into the middle (out of the auto-scroll band) and down into the third lane.
    const lane = await page
      .getByRole("rowheader", { name: "Thoughts & feelings", exact: true })
      .boundingBox();
    if (!lane) throw new Error("no Thoughts & feelings lane");
    const x = view.x + view.w * 0.65;
    const y = lane.y + Math.min(40, lane.height / 2);
    await page.mouse.move(x, y, { steps: 8 });
    await page.waitForTimeout(400);
    const under = await page.evaluate(
      ([px, py]) => {
        for (const el of document.elementsFromPoint(px as number, py as number)) {
          if (el.closest(".card.dragging")) continue;
          return el.closest('[role="gridcell"]')?.getAttribute("aria-label") ?? null;
        }
        return null;
      },
      [x, y],
    );
    await page.mouse.up();
    expect(under).toMatch(/^Thoughts & feelings, Stage (\d+)$/);
    expect(under).not.toBe("Thoughts & feelings, Stage 1");
    await expect
      .poll(() =>
        page
          .getByRole("gridcell", { name: under as string, exact: true })
          .getByRole("group", { name: text, exact: true })
          .count(),
      )
      .toBe(1);
    await page.close();
  }, 90_000);
});
