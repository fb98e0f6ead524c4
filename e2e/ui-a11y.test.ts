import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeWithService } from "../src/testing/services.ts";
import { buildWebApp, CHROMIUM, type Harness, startHarness } from "./harness.ts";

const RUNNING_EXAMPLE = resolve("../shared/data/eventlogs/running-example.csv");

/** Serious and critical axe findings of the page, as "rule: target" lines. */
async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page } as never).analyze();
  return result.violations
    .filter((v: { impact?: string | null }) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")}`));
}

describeWithService(
  "Chromium",
  existsSync(CHROMIUM),
  "accessibility (axe) of home, editor, analysis and data pages",
  () => {
    let h: Harness;
    let page: Page;
    let mapId: string;
    beforeAll(async () => {
      buildWebApp();
      h = await startHarness();
      page = await h.newPage({ width: 1366, height: 900 });
      const res = await page.request.post("/api/journeys", { data: { templateId: "pizza-restaurant" } });
      mapId = (await res.json()).id;
    }, 120_000);
    afterAll(async () => h?.close());

    it("home page", async () => {
      await page.goto("/");
      await page.getByRole("row", { name: /Pizza/ }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole("button", { name: "New blank map" }).click();
      await page.getByRole("dialog", { name: "New blank map" }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
    });

    it("editor", async () => {
      await page.goto(`/maps/${mapId}`);
      await page.getByRole("columnheader", { name: "Aware", exact: true }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
    });

    it("analysis panel", async () => {
      await page.goto(`/maps/${mapId}`);
      await page.getByRole("columnheader", { name: "Aware", exact: true }).waitFor();
      await page
        .getByRole("button", { name: /^Analysis/ })
        .first()
        .click();
      await page.getByRole("complementary", { name: "Analysis" }).waitFor();
      await page.getByRole("tab", { name: /Health/ }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      // The stakeholder summary's tables stay inside the panel's frame (no sideways spill).
      await page.getByRole("tab", { name: "Summary" }).click();
      const frame = page.frameLocator('iframe[title="Stakeholder summary preview"]');
      await frame.locator("table").first().waitFor({ timeout: 20_000 });
      const spill = await frame.locator("html").evaluate((el) => el.scrollWidth - el.clientWidth);
      expect(spill).toBeLessThanOrEqual(0);
      const wide = await frame
        .locator("table")
        .evaluateAll(
          (ts) =>
            ts.filter((t) => t.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
              .length,
        );
      expect(wide).toBe(0);
      await page.screenshot({ path: "e2e/screenshots/ui-analysis-summary-1366x900.png" });
    });

    it("data page with an imported log and its process map", async () => {
      await page.goto("/data");
      await page.getByRole("heading", { name: "Event logs" }).waitFor();
      await page.getByLabel("Event log file").setInputFiles(RUNNING_EXAMPLE);
      await page.getByRole("button", { name: "Import log" }).click();
      await page.getByText(/Imported “running-example”/).waitFor({ timeout: 30_000 });
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole("tab", { name: "Process map" }).click();
      await page.locator("g.dfg-node").first().waitFor();
      expect(await seriousViolations(page)).toEqual([]);
    });
  },
);
