import { existsSync } from "node:fs";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeWithService } from "../src/testing/services.ts";
import { buildWebApp, CHROMIUM, type Harness, startHarness } from "./harness.ts";
import { boxes } from "./ui-checks.ts";

const shots = "e2e/screenshots";
/** Characters drawn as (colour) emoji by system fonts: pictographs, dingbats, misc symbols, VS16. */
const EMOJI = /[\u{1F300}-\u{1FAFF}\u{2600}-\u{27BF}\u{2B00}-\u{2BFF}]|\u{FE0F}/u;

async function pizzaMap(page: Page): Promise<string> {
  const res = await page.request.post("/api/journeys", { data: { templateId: "pizza-restaurant" } });
  expect(res.ok()).toBe(true);
  return (await res.json()).id as string;
}

async function open(h: Harness, size = { width: 1440, height: 900 }): Promise<Page> {
  const page = await h.newPage(size);
  await page.goto(`/maps/${await pizzaMap(page)}`);
  await page.getByRole("columnheader", { name: "Aware", exact: true }).waitFor();
  return page;
}

const cell = (page: Page, lane: string, stage: string) =>
  page.getByRole("gridcell", { name: `${lane}, ${stage}`, exact: true });
const active = (page: Page) =>
  page.evaluate(() => {
    const a = document.activeElement as HTMLElement | null;
    return { label: a?.getAttribute("aria-label") ?? "", inGrid: !!a?.closest('[role="grid"]') };
  });
const saved = (page: Page) => page.getByText("All changes saved").waitFor({ timeout: 10_000 });

/** The focused element's box does not sit under the sticky lane column or stage header row. */
async function focusClearOfStickyHeaders(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const a = (document.activeElement as HTMLElement).getBoundingClientRect();
    const lane = document.querySelector(".lane-header")?.getBoundingClientRect();
    const stage = document.querySelector(".stage-header")?.getBoundingClientRect();
    return !!lane && !!stage && a.left >= lane.right - 1 && a.top >= stage.bottom - 1;
  });
}

async function opacity(l: Locator): Promise<number> {
  return Number(await l.evaluate((el) => getComputedStyle(el).opacity));
}

describeWithService(
  "Chromium",
  existsSync(CHROMIUM),
  "the map's look, content and keyboard in Chromium",
  () => {
    let h: Harness;
    beforeAll(async () => {
      buildWebApp();
      h = await startHarness();
    }, 120_000);
    afterAll(async () => h?.close());

    it("draws lane icons, kind styles, the emotion axis and the persona strip, with no system emoji and chrome only on hover", async () => {
      const page = await open(h);
      // Every lane header has an SVG icon; the type is not repeated as text.
      const headers = page.getByRole("rowheader");
      const n = await headers.count();
      expect(n).toBeGreaterThanOrEqual(8);
      for (let i = 0; i < n; i++) expect(await headers.nth(i).locator(".lane-icon svg").count()).toBe(1);
      expect(await page.locator(".lane-type").count()).toBe(0);
      // No system emoji anywhere on the editor page.
      const text = await page.evaluate(() => document.body.innerText);
      expect(text.match(EMOJI)).toBeNull();
      // Touchpoints show their channel as an icon and a word.
      const tp = cell(page, "Touchpoints", "Research").locator(".card").first();
      expect(await tp.locator(".channel-icon svg").count()).toBe(1);
      expect(await tp.innerText()).toContain("Web");
      // Emotion lane: level labels on its axis, a face per point, positive/negative zones.
      for (const label of ["Delighted", "Neutral", "Furious"])
        expect(await page.locator(".emotion-axis").getByText(label, { exact: true }).count()).toBe(1);
      expect(await page.locator(".emotion-point .emotion-face").count()).toBeGreaterThanOrEqual(6);
      expect(await page.locator(".emotion-zones").count()).toBe(1);
      // The full reason shows on focus (the lane draws at most two lines).
      await page.getByRole("slider", { name: "Emotion at Arrival", exact: true }).focus();
      const tip = page.locator(".emotion-tip");
      await tip.waitFor();
      expect(await tip.innerText()).toContain("Drives around twice before spotting the entrance");
      // Persona strip: name, quote and goals above the grid.
      const strip = page.getByRole("region", { name: "Personas of this map" });
      expect(await strip.innerText()).toContain("Eva Moline");
      expect(await strip.innerText()).toContain("Goals");
      // Editing chrome appears on hover only.
      const laneHeader = headers.first();
      const chrome = laneHeader.locator(".chrome-group");
      await page.mouse.move(1000, 10);
      expect(await opacity(chrome)).toBe(0);
      await laneHeader.hover();
      await expect.poll(() => opacity(chrome)).toBe(1);
      const emptyCell = cell(page, "Pain points", "Aware");
      await emptyCell.hover();
      await expect.poll(() => opacity(emptyCell.getByRole("button", { name: "Add card" }))).toBe(1);
      await page.mouse.move(1000, 10);
      await expect
        .poll(() => opacity(cell(page, "Pain points", "Aware").getByRole("button", { name: "Add card" })))
        .toBe(0);
      await page.screenshot({ path: `${shots}/map-1440x900.png` });
      await page.close();
    }, 60_000);

    // Un-skipped 2026-12-02: opening an idea's panel crashed (SolutionFields selected a new array on
    // every store read: "Maximum update depth exceeded"); fixed in src/web/panels/SolutionFields.tsx.
    it("shows KPI figures without placeholders or repeats, ownership once, and the ideas that fix a pain point", async () => {
      const page = await open(h);
      const kpi = cell(page, "KPIs", "Research").locator(".card").first();
      const kpiText = await kpi.innerText();
      expect(kpiText).not.toContain("–");
      expect(kpiText.match(/420/g)?.length).toBe(1);
      expect(kpiText).toContain("target 900 /month");
      // The ownership lane's card names its team once (it was repeated as a chip).
      const ownerLane = (
        await page.locator(".lane-header.lane-ownership .name-button").first().innerText()
      ).trim();
      const owner = cell(page, ownerLane, "Arrival").locator(".card").first();
      expect((await owner.innerText()).match(/Operations/g)?.length).toBe(1);
      expect((await owner.innerText()).trim().split("\n").length).toBe(1);
      const pain = cell(page, "Pain points", "Order").locator(".card.kind-pain").first();
      const fixedBy = pain.locator(".fixed-by");
      expect(await fixedBy.innerText()).toContain("Print ingredients and the 14 major allergens");
      // Choosing the idea opens it.
      await fixedBy.getByRole("button").first().click();
      await page.getByRole("complementary").first().waitFor();
      // An empty KPI card says the figures are not set, without "–".
      const empty = cell(page, "KPIs", "Aware");
      await empty.hover();
      await empty.getByRole("button", { name: "Add card", exact: true }).click();
      await page.keyboard.type("Walk-ins per evening");
      await page.keyboard.press("Escape");
      const fresh = empty.locator(".card").first();
      expect(await fresh.innerText()).toContain("Value and target not set");
      expect(await fresh.innerText()).not.toContain("–");
      await page.close();
    }, 60_000);

    it("focuses the new phase's name after “Start a new phase here”", async () => {
      const page = await open(h);
      const eat = page.getByRole("columnheader", { name: "Eat", exact: true });
      await eat.hover();
      await eat.getByRole("button", { name: "Stage options for Eat" }).click();
      await page.getByRole("menuitem", { name: "Start a new phase here" }).click();
      await expect
        .poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value ?? ""))
        .toBe("New phase");
      await page.keyboard.type("Dinner");
      await page.keyboard.press("Enter");
      await page.getByRole("textbox", { name: "Phase name Dinner" }).waitFor();
      await page.close();
    }, 60_000);

    // Re-enabled 2026-12-02: the drop is decided where the card is let go (elementsFromPoint at
    // release), not at the last collision seen while auto-scrolling.
    it("drops a card dragged near the right edge into the cell under the pointer, scrolling the map", async () => {
      const page = await open(h);
      const scroller = page.locator(".grid-scroll");
      const card = cell(page, "What Eva does", "Aware").locator(".card").first();
      const text = (await card.innerText()).trim();
      const from = (await card.boundingBox()) ?? { x: 0, y: 0, width: 0, height: 0 };
      const [view] = await boxes(scroller);
      if (!view) throw new Error("no scroller");
      const before = await scroller.evaluate((el) => el.scrollLeft);
      await page.mouse.move(from.x + 20, from.y + 10);
      await page.mouse.down();
      const x = view.x + view.w - 12;
      const y = from.y + 40;
      await page.mouse.move(x - 200, y, { steps: 6 });
      await page.mouse.move(x, y, { steps: 6 });
      // Held at the edge, the map scrolls sideways.
      await expect
        .poll(() => scroller.evaluate((el) => el.scrollLeft), { timeout: 5000 })
        .toBeGreaterThan(before + 100);
      // Back out of dnd-kit's auto-scroll band (the outer 20 % of the scroller), so the map stops
      // scrolling and the cell read under the pointer is the one the card is let go over.
      const dropX = view.x + view.w * 0.6;
      await page.mouse.move(dropX, y, { steps: 3 });
      await expect
        .poll(async () => {
          const a = await scroller.evaluate((el) => el.scrollLeft);
          await page.waitForTimeout(150);
          return (await scroller.evaluate((el) => el.scrollLeft)) === a;
        })
        .toBe(true);
      const under = await page.evaluate(
        ([px, py]) => {
          for (const el of document.elementsFromPoint(px as number, py as number)) {
            if (el.closest(".card.dragging")) continue;
            return el.closest('[role="gridcell"]')?.getAttribute("aria-label") ?? null;
          }
          return null;
        },
        [dropX, y],
      );
      await page.mouse.up();
      expect(under).toMatch(/^What Eva does, /);
      expect(under).not.toBe(await cell(page, "What Eva does", "Aware").getAttribute("aria-label"));
      await expect
        .poll(() =>
          page
            .getByRole("gridcell", { name: under as string, exact: true })
            .getByText(text)
            .count(),
        )
        .toBe(1);
      expect(await cell(page, "What Eva does", "Aware").getByText(text).count()).toBe(0);
      await page.close();
    }, 60_000);

    it("keeps a card let go over the sticky lane column in its cell (the cells scrolled beneath it are no target)", async () => {
      const page = await open(h);
      const scroller = page.locator(".grid-scroll");
      const card = cell(page, "What Eva does", "Aware").locator(".card").first();
      const text = (await card.innerText()).trim();
      const from = (await card.boundingBox()) ?? { x: 0, y: 0, width: 0, height: 0 };
      const [view] = await boxes(scroller);
      if (!view) throw new Error("no scroller");
      await page.mouse.move(from.x + 20, from.y + 10);
      await page.mouse.down();
      const edge = view.x + view.w - 12;
      await page.mouse.move(edge - 200, from.y + 20, { steps: 6 });
      await page.mouse.move(edge, from.y + 20, { steps: 6 });
      // The map scrolls far enough that stage columns pass under the sticky lane column.
      await expect
        .poll(() => scroller.evaluate((el) => el.scrollLeft), { timeout: 15_000 })
        .toBeGreaterThan(600);
      const header = await page.getByRole("rowheader", { name: "What Eva does", exact: true }).boundingBox();
      if (!header) throw new Error("no What Eva does lane");
      const x = header.x + 30;
      const y = from.y + 20;
      // Read and let go at once: over the lane column the map auto-scrolls back to the left, and on
      // a fast machine a pause would bring the first stage back under the pointer.
      await page.mouse.move(x, y, { steps: 2 });
      // Under the pointer is the lane header, above a cell that scrolled beneath it.
      const hidden = await page.evaluate(
        ([px, py]) =>
          document
            .elementsFromPoint(px as number, py as number)
            .find((el) => el.matches('[role="gridcell"]'))
            ?.getAttribute("aria-label") ?? null,
        [x, y],
      );
      expect(hidden).toMatch(/^What Eva does, /);
      expect(hidden).not.toBe("What Eva does, Aware");
      await page.mouse.up();
      await page.waitForTimeout(500);
      expect(await cell(page, "What Eva does", "Aware").getByText(text).count()).toBe(1);
      expect(
        await page
          .getByRole("gridcell", { name: hidden as string, exact: true })
          .getByText(text)
          .count(),
      ).toBe(0);
      await page.close();
    }, 60_000);

    it("moves a card between cells with the keyboard only, with one Tab stop for the grid and focus clear of the headers", async () => {
      const page = await open(h, { width: 1366, height: 768 });
      // From page start: the skip link is the first Tab stop and Enter lands on the grid's one Tab stop.
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Skip to the map");
      await page.keyboard.press("Enter");
      expect((await active(page)).label).toBe("Asks friends where to get a good pizza nearby");
      // The grid holds exactly one Tab stop.
      expect(await page.locator('[role="grid"] [tabindex="0"]').count()).toBe(1);
      // Arrow keys between cards and cells.
      await page.keyboard.press("ArrowRight");
      expect((await active(page)).label).toBe("Searches the name on Google Maps");
      await page.keyboard.press("ArrowDown");
      expect((await active(page)).label).toBe("Reads the few online reviews");
      await page.keyboard.press("ArrowLeft");
      expect((await active(page)).label).toBe("Asks friends where to get a good pizza nearby");
      // Far right, focus stays clear of the sticky lane column and header row.
      for (let i = 0; i < 7; i++) await page.keyboard.press("ArrowRight");
      for (let i = 0; i < 2; i++) await page.keyboard.press("ArrowDown");
      expect((await active(page)).label).toBe("Emotion at Return");
      // On an emotion point ↑/↓ change the level; Ctrl+↓ goes on to the next lane.
      await page.keyboard.press("Control+ArrowDown");
      expect((await active(page)).inGrid).toBe(true);
      expect(await page.evaluate(() => !!document.activeElement?.closest(".lane-row"))).toBe(true);
      await page.waitForTimeout(200);
      expect(await focusClearOfStickyHeaders(page)).toBe(true);
      await page.keyboard.press("Control+Home");
      expect((await active(page)).label).toBe("Asks friends where to get a good pizza nearby");
      // Tab leaves the grid in one press; Shift+Tab comes back to the same card.
      await page.keyboard.press("Tab");
      expect((await active(page)).inGrid).toBe(false);
      await page.keyboard.press("Shift+Tab");
      expect((await active(page)).label).toBe("Asks friends where to get a good pizza nearby");
      // Space picks up, arrows move, Space drops — announced in the live region.
      const live = page.locator(".map-announcer");
      await page.keyboard.press("Space");
      expect(await live.innerText()).toContain(
        "Picked up “Asks friends where to get a good pizza nearby” in What Eva does, Aware",
      );
      expect(await page.getByRole("complementary").count()).toBe(0);
      await page.keyboard.press("ArrowRight");
      await page.keyboard.press("ArrowRight");
      expect(await live.innerText()).toContain("over What Eva does, Arrival");
      await page.keyboard.press("Space");
      expect(await live.innerText()).toContain(
        "Dropped “Asks friends where to get a good pizza nearby” in What Eva does, Arrival",
      );
      await expect
        .poll(async () => (await active(page)).label)
        .toBe("Asks friends where to get a good pizza nearby");
      expect(await cell(page, "What Eva does", "Arrival").getByText("Asks friends where").count()).toBe(1);
      // Escape cancels a move.
      await page.keyboard.press("Space");
      await page.keyboard.press("ArrowDown");
      await page.keyboard.press("Escape");
      expect(await live.innerText()).toContain("Move cancelled");
      expect(await cell(page, "What Eva does", "Arrival").getByText("Asks friends where").count()).toBe(1);
      // Enter opens the card's panel.
      await page.keyboard.press("Enter");
      await page.getByRole("complementary").first().waitFor();
      await saved(page);
      await page.reload();
      await page.getByRole("columnheader", { name: "Aware", exact: true }).waitFor();
      expect(await cell(page, "What Eva does", "Arrival").getByText("Asks friends where").count()).toBe(1);
      // Undo history survives the reload: Undo takes the keyboard move back, Redo re-does it.
      const undo = page.getByRole("button", { name: "Undo", exact: true });
      await expect.poll(() => undo.isEnabled()).toBe(true);
      await undo.click();
      await expect
        .poll(() => cell(page, "What Eva does", "Aware").getByText("Asks friends where").count())
        .toBe(1);
      await page.getByRole("button", { name: "Redo", exact: true }).click();
      await expect
        .poll(() => cell(page, "What Eva does", "Arrival").getByText("Asks friends where").count())
        .toBe(1);
      await page.close();
    }, 90_000);
  },
);
