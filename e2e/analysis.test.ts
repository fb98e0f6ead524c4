import { existsSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeWithService } from "../src/testing/services.ts";
import { buildWebApp, CHROMIUM, type Harness, startHarness } from "./harness.ts";

const shots = "e2e/screenshots";

async function saved(page: Page): Promise<void> {
  await page.getByText("All changes saved").waitFor({ timeout: 10_000 });
}

async function openPizza(page: Page): Promise<void> {
  await page.goto("/");
  await page.getByRole("button", { name: "Start from a template" }).click();
  await page.getByRole("button", { name: /Pizza restaurant/ }).click();
  await page.getByRole("button", { name: "Use this template" }).click();
  await page.getByRole("columnheader", { name: "Aware", exact: true }).waitFor();
}

describeWithService("Chromium", existsSync(CHROMIUM), "the analysis UI in Chromium", () => {
  let h: Harness;
  beforeAll(async () => {
    buildWebApp();
    h = await startHarness();
  }, 120_000);
  afterAll(async () => h?.close());

  it("health findings, pattern tooltip, pain points, summary, future state and comparison on the pizza template", async () => {
    const page = await h.newPage({ width: 1366, height: 768 });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await openPizza(page);
    const currentUrl = page.url();

    // Health panel: score and findings; a finding that points at the map selects it.
    await page.getByRole("button", { name: /^Analysis/ }).click();
    const panel = page.getByRole("complementary", { name: "Analysis" });
    await panel.getByRole("img", { name: /Health score: \d+ out of 100/ }).waitFor();
    const findings = panel.locator(".finding");
    await findings.first().waitFor();
    expect(await findings.count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${shots}/analysis-health-1366x768.png` });
    const clickable = panel.locator("button.finding").first();
    if (await clickable.count()) {
      await clickable.click();
      await expect
        .poll(() =>
          page.evaluate(() => document.activeElement?.matches(".stage-header, .card, [role=rowheader]")),
        )
        .toBe(true);
    }

    // Pattern marker on the emotion curve, with a tooltip that explains it.
    const marker = page.getByRole("button", { name: /^Emotion pattern at / }).first();
    await marker.scrollIntoViewIfNeeded();
    await marker.hover();
    const tipId = await marker.getAttribute("aria-describedby");
    const tip = page.locator(`[id="${tipId}"]`);
    await tip.waitFor({ state: "visible" });
    expect(await tip.getAttribute("role")).toBe("tooltip");
    expect((await tip.textContent())?.length).toBeGreaterThan(20);
    await page.screenshot({ path: `${shots}/analysis-pattern-tooltip-1366x768.png` });

    // Prioritised pain points; clicking one selects its card.
    await panel.getByRole("tab", { name: /Pain points/ }).click();
    const pains = panel.getByRole("list", { name: "Pain points by priority" }).getByRole("button");
    await pains.first().waitFor();
    await pains.first().click();
    await page.locator(".card.selected").waitFor();
    await page.screenshot({ path: `${shots}/analysis-pain-points-1366x768.png` });

    // Summary preview in a sandboxed iframe, with downloads.
    await panel.getByRole("tab", { name: "Summary" }).click();
    const frame = panel.locator("iframe[title='Stakeholder summary preview']");
    await frame.waitFor();
    expect(await frame.getAttribute("sandbox")).toBe("");
    await expect
      .poll(async () => (await frame.contentFrame().locator("body").textContent()) ?? "")
      .toContain("Pizza");
    for (const name of ["Markdown", "HTML", "PDF"])
      expect(await panel.getByRole("link", { name, exact: true }).getAttribute("href")).toMatch(
        /summary\?format=/,
      );
    await page.screenshot({ path: `${shots}/analysis-summary-1366x768.png` });

    // Create the future state: a new map, linked back.
    await page.getByRole("button", { name: "Create future state" }).click();
    await page.waitForURL((u) => u.href !== currentUrl && /\/maps\/[^/]+$/.test(u.pathname));
    await expect
      .poll(() => page.getByRole("textbox", { name: "Map title" }).inputValue())
      .toMatch(/future state/);
    await page.getByRole("columnheader", { name: "Research", exact: true }).waitFor();

    // Rename a stage in the future state, then compare.
    await page
      .getByRole("columnheader", { name: "Research", exact: true })
      .getByRole("button", { name: "Research", exact: true })
      .dblclick();
    await page.getByRole("textbox", { name: "Stage name" }).fill("Browse the menu online");
    await page.keyboard.press("Enter");
    // A better arrival: two levels up.
    const arrival = page.getByRole("slider", { name: "Emotion at Arrival", exact: true });
    await arrival.focus();
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("ArrowUp");
    await saved(page);

    // The Health panel follows edits: a new empty stage is reported, and its finding selects it.
    await page.getByRole("button", { name: /^Analysis/ }).click();
    await page.getByRole("complementary", { name: "Analysis" }).locator(".finding").first().waitFor();
    await page.getByRole("button", { name: "Add stage", exact: true }).click();
    await page.keyboard.press("Enter");
    await saved(page);
    const stageFinding = page.getByRole("button", { name: /Stage “Stage 9” has no touchpoint/ });
    await stageFinding.waitFor({ timeout: 10_000 });
    await stageFinding.click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute("aria-label")))
      .toBe("Stage 9");
    // Scrolled into the visible part of the grid (left of the side panel).
    await expect
      .poll(() =>
        page.getByRole("columnheader", { name: "Stage 9", exact: true }).evaluate((el) => {
          const r = el.getBoundingClientRect();
          const panel = document.querySelector(".analysis-panel")?.getBoundingClientRect().left ?? 1e9;
          return r.left >= 200 && r.right <= panel + 1;
        }),
      )
      .toBe(true);
    await page.screenshot({ path: `${shots}/analysis-health-stage-1366x768.png` });
    await page.getByRole("button", { name: /Compare/ }).click();
    await page.waitForURL(/\/compare\//);
    const row = page.getByRole("row", { name: "Browse the menu online: Changed" });
    await row.waitFor();
    await expect(row.getByText("Research", { exact: true }).isVisible()).resolves.toBe(true);
    await expect(row.getByText("renamed").isVisible()).resolves.toBe(true);
    await page.getByRole("row", { name: "Stage 9: Added" }).waitFor();
    await page.getByRole("img", { name: /Emotion per stage/ }).waitFor();
    await expect(
      page.getByRole("row", { name: "Arrival: Changed" }).getByText("(+2)").isVisible(),
    ).resolves.toBe(true);
    await page.screenshot({ path: `${shots}/analysis-compare-1366x768.png` });
    await page.screenshot({ path: `${shots}/analysis-compare-full.png`, fullPage: true });

    // Dark theme.
    await page.emulateMedia({ colorScheme: "dark" });
    await page.screenshot({ path: `${shots}/analysis-compare-1366x768-dark.png` });
    expect(errors).toEqual([]);
  }, 120_000);
});
