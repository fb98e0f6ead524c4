import { existsSync } from "node:fs";
import { resolve } from "node:path";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeWithService } from "../src/testing/services.ts";
import { buildWebApp, CHROMIUM, type Harness, startHarness } from "./harness.ts";
import { boxes, inside, overlapping } from "./ui-checks.ts";

const shots = "e2e/screenshots";
const RECEIPT = resolve("../shared/data/eventlogs/receipt.csv");

/** Imports an event log through the Data tab, as a user does. */
async function importLog(page: Page, file: string, name: string) {
  await page.goto("/");
  await page.getByRole("link", { name: "Data" }).click();
  await page.getByRole("heading", { name: "Event logs" }).waitFor();
  await page.getByLabel("Event log file").setInputFiles(file);
  await page.getByRole("table", { name: "First rows of the file" }).waitFor();
  await page.getByRole("button", { name: "Import log" }).click();
  await page.getByText(new RegExp(`Imported “${name}”`)).waitFor({ timeout: 60_000 });
}

/** Node texts that stick out of their box, in page coordinates. */
async function textOutsideNodes(svg: Locator): Promise<string[]> {
  return svg.locator("g.dfg-node, g.pm-terminal").evaluateAll((groups) =>
    groups.flatMap((g) => {
      const box = (g.querySelector("rect") as SVGRectElement).getBoundingClientRect();
      return [...g.querySelectorAll("text")]
        .filter((t) => {
          const r = t.getBoundingClientRect();
          return (
            r.left < box.left - 0.5 ||
            r.right > box.right + 0.5 ||
            r.top < box.top - 0.5 ||
            r.bottom > box.bottom + 0.5
          );
        })
        .map((t) => t.textContent || t.outerHTML.slice(0, 160));
    }),
  );
}

/** Edges that run through a box other than their own ends (sampled every 4 px along the path). */
async function edgesThroughNodes(svg: Locator): Promise<string[]> {
  return svg.evaluate((el) => {
    const rects = [...el.querySelectorAll("g.dfg-node rect, g.pm-terminal rect")].map((r) => {
      const a = (n: string) => Number(r.getAttribute(n));
      return { x: a("x"), y: a("y"), w: a("width"), h: a("height") };
    });
    const bad: string[] = [];
    for (const path of el.querySelectorAll<SVGPathElement>("g.dfg-edge path")) {
      const len = path.getTotalLength();
      for (let d = 6; d < len - 6; d += 4) {
        const p = path.getPointAtLength(d);
        if (rects.some((r) => p.x > r.x + 2 && p.x < r.x + r.w - 2 && p.y > r.y + 2 && p.y < r.y + r.h - 2)) {
          bad.push(path.querySelector("title")?.textContent ?? "?");
          break;
        }
      }
    }
    return bad;
  });
}

describeWithService("Chromium", existsSync(CHROMIUM), "data views with the receipt log in Chromium", () => {
  let h: Harness;
  let page: Page;
  beforeAll(async () => {
    buildWebApp();
    h = await startHarness();
    page = await h.newPage({ width: 1440, height: 900 });
    await importLog(page, RECEIPT, "receipt");
  }, 180_000);
  afterAll(async () => h?.close());

  it("lays out the process map with ELK: every name whole in its box, edges around boxes, views, filter, zoom", async () => {
    await page.getByRole("tab", { name: "Process map" }).click();
    await page.getByRole("button", { name: "Full screen" }).click();
    const svg = page.locator("svg.dfg-svg");
    await svg.waitFor();
    // 114 paths do not read: the first view keeps the paths of at least a few % of cases, and says so.
    await expect.poll(() => page.locator("g.dfg-edge").count(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await page.locator("g.dfg-edge").count()).toBeLessThanOrEqual(60);
    expect(await page.locator(".pm-shown").textContent()).toMatch(/of 27 activities, \d+ of 114 paths/);
    await page.screenshot({ path: `${shots}/ui-process-map-receipt-1440x900.png` });
    expect(await textOutsideNodes(svg)).toEqual([]);
    expect(await edgesThroughNodes(svg)).toEqual([]);
    // The whole map at 0 %.
    await page.getByRole("slider", { name: "Minimum share of cases" }).fill("0");
    await expect.poll(() => page.locator("g.dfg-node").count(), { timeout: 20_000 }).toBe(27);
    await expect.poll(() => page.locator("g.dfg-edge").count()).toBe(114);
    expect(await page.locator("g.pm-terminal").count()).toBe(2);
    // No truncation: the drawn lines of each box are its whole activity name.
    const names = await page
      .locator("g.dfg-node")
      .evaluateAll((gs) =>
        gs.map((g) => [
          g.getAttribute("data-activity"),
          [...g.querySelectorAll(".pm-name tspan")].map((t) => t.textContent).join(" "),
        ]),
      );
    for (const [activity, drawn] of names) expect(drawn).toBe(activity?.replace(/\s+/g, " ").trim());
    expect(await textOutsideNodes(svg)).toEqual([]);
    expect(await edgesThroughNodes(svg)).toEqual([]);
    const nodeBoxes = await boxes(page.locator("g.dfg-node rect, g.pm-terminal rect"));
    expect(overlapping(nodeBoxes)).toEqual([]);
    await page.screenshot({ path: `${shots}/ui-process-map-receipt-all-1440x900.png` });

    // Zoom in, then fit: the whole map is inside the viewport.
    const level = () => page.getByRole("status", { name: "Zoom level" }).textContent();
    const before = await level();
    await page.getByRole("button", { name: "Zoom in" }).click();
    await expect.poll(level).not.toBe(before);
    await page.getByRole("button", { name: "Fit" }).click();
    const [viewport] = await boxes(page.locator(".pm-viewport"));
    const all = await boxes(page.locator("g.dfg-node rect"));
    expect(all.filter((b) => !(viewport && inside(b, viewport))).map((b) => b.text)).toEqual([]);

    // Median time: edge labels are durations.
    await page.getByText("Median time", { exact: true }).click();
    await expect
      .poll(() => page.locator(".pm-edge-label text").first().textContent())
      .toMatch(/^\d+ (ms|s|min|h|d)/);
    await page.screenshot({ path: `${shots}/ui-process-map-time-1440x900.png` });

    // Case coverage: at 50 % only the common activities and paths stay.
    const slider = page.getByRole("slider", { name: "Minimum share of cases" });
    await slider.fill("50");
    await expect.poll(() => page.locator("g.dfg-node").count()).toBeLessThan(27);
    const shown = await page.locator("g.dfg-node").count();
    expect(shown).toBeGreaterThan(0);
    expect(await page.locator(".pm-shown").textContent()).toContain(`${shown} of 27 activities`);
    expect(await edgesThroughNodes(svg)).toEqual([]);
    await page.screenshot({ path: `${shots}/ui-process-map-coverage-1440x900.png` });
  }, 120_000);
});
