import { existsSync } from "node:fs";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeWithService } from "../src/testing/services.ts";
import { buildWebApp, CHROMIUM, type Harness, startHarness } from "./harness.ts";

const shots = "e2e/screenshots";

async function sliderValue(page: Page, name: string): Promise<number> {
  return Number(await page.getByRole("slider", { name, exact: true }).getAttribute("aria-valuenow"));
}

/** An element's text colour and the colour it is painted on (first opaque background up the tree), as sRGB 0–255. */
async function paintedColours(locator: Locator): Promise<{ text: number[]; background: number[] }> {
  return locator.evaluate((el) => {
    const rgba = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
    let node: Element | null = el;
    let background = [255, 255, 255];
    while (node) {
      const c = rgba(getComputedStyle(node).backgroundColor);
      if (c.length >= 3 && (c[3] ?? 1) > 0.5) {
        background = c.slice(0, 3);
        break;
      }
      node = node.parentElement;
    }
    return { text: rgba(getComputedStyle(el).color).slice(0, 3), background };
  });
}

/** WCAG relative luminance of an sRGB colour. */
function luminance([r, g, b]: number[]): number {
  const lin = (v = 0) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG contrast ratio of two colours (1–21). */
function contrast(a: number[], b: number[]): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Asserts the element sits on a dark surface with readable (WCAG AA, 4.5:1) light text. */
async function expectDarkAndReadable(locator: Locator, what: string): Promise<void> {
  const { text, background } = await paintedColours(locator);
  expect(luminance(background), `${what}: background rgb(${background}) is not dark`).toBeLessThan(0.05);
  expect(luminance(text), `${what}: text rgb(${text}) is not light`).toBeGreaterThan(0.4);
  expect(contrast(text, background), `${what}: text contrast`).toBeGreaterThanOrEqual(4.5);
}

async function saved(page: Page): Promise<void> {
  await page.getByText("All changes saved").waitFor({ timeout: 10_000 });
}

describeWithService("Chromium", existsSync(CHROMIUM), "the editor in Chromium", () => {
  let h: Harness;
  beforeAll(async () => {
    buildWebApp();
    h = await startHarness();
  }, 120_000);
  afterAll(async () => h?.close());

  it("builds on the pizza template: rename, add card, emotion by drag and keys, undo/redo, all persisted", async () => {
    const page = await h.newPage({ width: 1366, height: 768 });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto("/");
    await page.getByRole("button", { name: "Start from a template" }).click();
    await page.getByRole("button", { name: /Pizza restaurant/ }).click();
    await page.getByRole("button", { name: "Use this template" }).click();
    await page.getByRole("columnheader", { name: "Aware", exact: true }).waitFor();
    expect(page.url()).toMatch(/\/maps\/[^/]+$/);
    for (const name of ["Add stage", "Add lane", "Undo", "Redo"])
      await expect(page.getByRole("button", { name, exact: true }).count()).resolves.toBe(1);
    expect(await page.getByRole("rowheader").count()).toBeGreaterThanOrEqual(5);

    // Rename a stage inline.
    await page
      .getByRole("columnheader", { name: "Research", exact: true })
      .getByRole("button", { name: "Research", exact: true })
      .dblclick();
    await page.getByRole("textbox", { name: "Stage name" }).fill("Research online");
    await page.keyboard.press("Enter");
    await page.getByRole("columnheader", { name: "Research online", exact: true }).waitFor();

    // Add a card with two lines of text.
    const laneName = (await page.getByRole("rowheader").first().getAttribute("aria-label")) ?? "";
    const cell = page.getByRole("gridcell", { name: `${laneName}, Aware`, exact: true });
    await cell.getByRole("button", { name: "Add card", exact: true }).click();
    await page.keyboard.type("Asks a colleague at lunch");
    await page.keyboard.press("Shift+Enter");
    await page.keyboard.type("and checks the map");
    await page.keyboard.press("Escape");
    await expect(cell.getByText("Asks a colleague at lunch").isVisible()).resolves.toBe(true);

    // Emotion by keyboard.
    const order = "Emotion at Order";
    const before = await sliderValue(page, order);
    await page.getByRole("slider", { name: order, exact: true }).focus();
    await page.keyboard.press("ArrowUp");
    await expect.poll(() => sliderValue(page, order)).toBe(before + 1);

    // Emotion by drag: two levels up on the Eat point.
    const eat = "Emotion at Eat";
    const eatBefore = await sliderValue(page, eat);
    const target = eatBefore >= 2 ? eatBefore - 2 : eatBefore + 2;
    const handle = page.getByRole("slider", { name: eat, exact: true });
    await handle.scrollIntoViewIfNeeded();
    const box = await handle.boundingBox();
    if (!box) throw new Error("no emotion handle");
    const perLevel = (244 - 2 * 50) / 6;
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x, y - ((target - eatBefore) * perLevel) / 2, { steps: 4 });
    await page.mouse.move(x, y - (target - eatBefore) * perLevel, { steps: 4 });
    await page.mouse.up();
    await expect.poll(() => sliderValue(page, eat)).toBe(target);

    // Undo (button) takes the drag back, redo (keyboard) re-applies it.
    await page.getByRole("button", { name: "Undo", exact: true }).click();
    await expect.poll(() => sliderValue(page, eat)).toBe(eatBefore);
    await page.locator("body").click({ position: { x: 5, y: 760 } });
    await page.keyboard.press("Control+Shift+Z");
    await expect.poll(() => sliderValue(page, eat)).toBe(target);
    await saved(page);
    await page.screenshot({ path: `${shots}/editor-1366x768.png` });

    // Reload: everything is still there.
    await page.reload();
    await page.getByRole("columnheader", { name: "Research online", exact: true }).waitFor();
    const reloadedCell = page.getByRole("gridcell", { name: `${laneName}, Aware`, exact: true });
    await expect(reloadedCell.getByText("and checks the map").isVisible()).resolves.toBe(true);
    expect(await sliderValue(page, order)).toBe(before + 1);
    expect(await sliderValue(page, eat)).toBe(target);
    expect(errors).toEqual([]);
  }, 90_000);

  it("renders the map calmly at 1920×1080 in dark mode and lists maps on the home page", async () => {
    const page = await h.newPage({ width: 1920, height: 1080 });
    await page.emulateMedia({ colorScheme: "dark" });
    await page.goto("/");
    await page.getByRole("link", { name: "Pizza restaurant visit" }).first().click();
    const aware = page.getByRole("columnheader", { name: "Aware", exact: true });
    await aware.waitFor();
    await page.screenshot({ path: `${shots}/editor-1920x1080-dark.png` });
    await expectDarkAndReadable(page.locator("body"), "editor page");
    await expectDarkAndReadable(page.getByRole("grid"), "map grid");
    await expectDarkAndReadable(aware, "stage header");
    await expectDarkAndReadable(page.getByRole("rowheader").first(), "lane header");
    await page.goto("/");
    await page.getByRole("table").waitFor();
    await page.screenshot({ path: `${shots}/home-1920x1080-dark.png` });
    await expectDarkAndReadable(page.getByRole("table"), "map list");
    await expectDarkAndReadable(
      page.getByRole("link", { name: "Pizza restaurant visit" }).first(),
      "map link",
    );
    const api404 = await page.request.get("/api/nope");
    expect(api404.status()).toBe(404);
    expect(await api404.json()).toMatchObject({ error: { code: "not_found" } });
  }, 60_000);
});
