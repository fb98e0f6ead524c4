import { existsSync, mkdirSync } from "node:fs";
import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeWithService } from "../src/testing/services.ts";
import { buildWebApp, CHROMIUM, type Harness, startHarness } from "./harness.ts";
import { pageOverflowX } from "./ui-checks.ts";

const shots = "e2e/screenshots";

async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page } as never).analyze();
  return result.violations
    .filter((v: { impact?: string | null }) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")}`));
}

describeWithService(
  "Chromium",
  existsSync(CHROMIUM),
  "journey management in Chromium: atlas → map → sub-journey → back → portfolio bulk owner",
  () => {
    let h: Harness;
    let parentId: string;
    let childTitle: string;
    beforeAll(async () => {
      buildWebApp();
      mkdirSync(shots, { recursive: true });
      h = await startHarness();
      const page = await h.newPage();
      const post = async (path: string, data: unknown) => (await page.request.post(path, { data })).json();
      const parent = await post("/api/journeys", { templateId: "ecommerce-purchase" });
      parentId = parent.id;
      await post(`/api/journeys/${parent.id}/commands`, {
        baseVersion: parent.version,
        commands: [{ type: "setMapProperties", patch: { tags: ["lifecycle:purchase"] } }],
      });
      const future = await post(`/api/journeys/${parent.id}/future-state`, {});
      expect(future.id ?? future.map?.id).toBeTruthy();
      const child = await post("/api/journeys", { templateId: "customer-support" });
      childTitle = child.title;
      await page.close();
    }, 180_000);
    afterAll(async () => h?.close());

    it("drives the whole path with a look at each screen", { timeout: 120_000 }, async () => {
      const page = await h.newPage({ width: 1366, height: 900 });
      await page.goto("/");
      await page.getByRole("link", { name: "Atlas" }).click();
      await page.getByRole("heading", { name: "Atlas" }).waitFor();
      const region = page.getByRole("region", { name: /Atlas: personas by lifecycle phase/ });
      await region.waitFor();
      await expect.poll(() => page.locator(".atlas-tile").count()).toBeGreaterThanOrEqual(3);
      expect(await page.locator("fieldset.atlas-pair").count()).toBeGreaterThan(0);
      expect(await page.locator(".atlas-spark path").count()).toBeGreaterThan(0);
      expect(await page.getByRole("columnheader", { name: "Purchase" }).count()).toBe(1);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: `${shots}/atlas-desktop.png`, fullPage: true });

      // Filters: only stale maps → none yet.
      await page.getByLabel("Stale").check();
      await page.getByText("No map matches these filters.").waitFor();
      await page.getByLabel("Stale").uncheck();
      await page.locator(".atlas-tile").first().waitFor();

      // Tile → map; link a sub-journey from the stage menu.
      await page.locator(`.atlas-tile[data-map-id="${parentId}"]`).first().click();
      await page.waitForURL(`**/maps/${parentId}`);
      const firstStage = page.getByRole("columnheader").nth(1);
      const stageName = (await firstStage.getAttribute("aria-label")) ?? "";
      await page.getByRole("button", { name: `Stage options for ${stageName}` }).click();
      await page.getByRole("menuitem", { name: "Link sub-journey…" }).click();
      const dialog = page.getByRole("dialog", { name: /Link a sub-journey/ });
      await dialog.getByLabel("Search maps to link").fill(childTitle.slice(0, 8));
      await dialog.getByRole("button", { name: childTitle }).click();
      const zoom = page.getByRole("link", { name: `Zoom into ${childTitle}` });
      await zoom.waitFor();
      await expect
        .poll(async () => (await page.locator(".sub-journey-facts").first().textContent()) ?? "")
        .toMatch(/health \d+ · \d+ open pain point/);
      await page.screenshot({ path: `${shots}/hierarchy-parent.png` });

      // Zoom in; the breadcrumb leads back.
      await zoom.click();
      const crumbs = page.getByRole("navigation", { name: "Parent journeys" });
      await crumbs.waitFor();
      await page.screenshot({ path: `${shots}/hierarchy-child.png` });
      const childUrl = page.url();
      await crumbs.getByRole("link").first().click();
      await page.waitForURL(`**/maps/${parentId}`);
      expect(page.url()).not.toBe(childUrl);

      // A cycle is refused with the maps named.
      await page.goto(childUrl);
      const childStage = page.getByRole("columnheader").nth(1);
      const childStageName = (await childStage.getAttribute("aria-label")) ?? "";
      await page.getByRole("button", { name: `Stage options for ${childStageName}` }).click();
      await page.getByRole("menuitem", { name: "Link sub-journey…" }).click();
      const d2 = page.getByRole("dialog", { name: /Link a sub-journey/ });
      const parentTitle = (await (await page.request.get(`/api/journeys/${parentId}`)).json())
        .title as string;
      await d2.getByRole("button", { name: parentTitle, exact: true }).click();
      await d2.getByRole("alert").waitFor();
      expect(await d2.getByRole("alert").textContent()).toContain("would make a cycle");
      await page.keyboard.press("Escape");

      // Portfolio: bulk-assign an owner to the parent's pain points; the map shows it.
      await page.goto("/portfolio");
      const boxes = page.getByRole("checkbox", { name: /^Select / });
      await boxes.first().waitFor();
      const { items } = await (await page.request.get(`/api/portfolio?mapId=${parentId}&type=pain`)).json();
      const summary = items[0].summary as string;
      await page
        .getByRole("checkbox", { name: `Select ${summary}` })
        .first()
        .check();
      await page.getByLabel("New owner").fill("Ines Ferreira");
      await page.getByRole("button", { name: "Apply to selected" }).click();
      await page
        .getByRole("button", { name: /Undo on/ })
        .first()
        .waitFor();
      await page.screenshot({ path: `${shots}/portfolio-bulk-owner.png` });
      await page.goto(`/maps/${parentId}`);
      await page.getByText("Ines Ferreira").first().waitFor();
    });

    it("the atlas works at 390 px: the matrix scrolls inside its own region", {
      timeout: 60_000,
    }, async () => {
      const page = await h.newPage({ width: 390, height: 844 });
      await page.goto("/atlas");
      await page.locator(".atlas-tile").first().waitFor();
      expect(await pageOverflowX(page)).toBeLessThanOrEqual(1);
      const scrolls = await page
        .locator(".atlas-scroll")
        .evaluate((el) => el.scrollWidth > el.clientWidth && getComputedStyle(el).overflowX === "auto");
      expect(scrolls).toBe(true);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: `${shots}/atlas-phone.png`, fullPage: true });
    });
  },
);
