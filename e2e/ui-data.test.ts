import { existsSync } from "node:fs";
import { resolve } from "node:path";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeWithService } from "../src/testing/services.ts";
import { buildWebApp, CHROMIUM, type Harness, startHarness } from "./harness.ts";
import { boxes, inside, overflowingText, overlapping } from "./ui-checks.ts";

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
      .poll(() => page.locator(".pm-edge-label text").first().textContent(), { timeout: 20_000 })
      .toMatch(/^\d+ (ms|s|min|h|d)/);
    await page.screenshot({ path: `${shots}/ui-process-map-time-1440x900.png` });

    // Case coverage: at 50 % only the common activities and paths stay.
    const slider = page.getByRole("slider", { name: "Minimum share of cases" });
    await slider.fill("50");
    await expect.poll(() => page.locator("g.dfg-node").count(), { timeout: 20_000 }).toBeLessThan(27);
    const shown = await page.locator("g.dfg-node").count();
    expect(shown).toBeGreaterThan(0);
    expect(await page.locator(".pm-shown").textContent()).toContain(`${shown} of 27 activities`);
    expect(await edgesThroughNodes(svg)).toEqual([]);
    await page.screenshot({ path: `${shots}/ui-process-map-coverage-1440x900.png` });
    // Escape leaves full screen.
    await page.locator(".pm-viewport").focus();
    await page.keyboard.press("Escape");
    await expect.poll(() => page.locator(".pm-full").count()).toBe(0);
  }, 120_000);

  it("wraps funnel step labels without overlap and keeps the funnel table inside its card", async () => {
    await page.getByRole("tab", { name: "Funnel" }).click();
    const steps = [
      "Confirmation of receipt",
      "T02 Check confirmation of receipt",
      "T04 Determine confirmation of receipt",
      "T05 Print and send confirmation of receipt",
      "T06 Determine necessity of stop advice",
      "T10 Determine necessity to stop indication",
    ];
    for (const step of steps) await page.getByRole("combobox", { name: "Add a step" }).selectOption(step);
    await page.getByRole("button", { name: "Build funnel" }).click();
    const chart = page.locator("svg.funnel-chart");
    await chart.waitFor();
    const labels = await boxes(chart.locator("text.funnel-label"));
    expect(labels).toHaveLength(6);
    const subs = await boxes(chart.locator("text.funnel-sub"));
    expect(subs).toHaveLength(5);
    expect(overlapping([...labels, ...subs])).toEqual([]);
    const [svgBox] = await boxes(chart);
    expect(labels.filter((l) => !(svgBox && inside(l, svgBox))).map((l) => l.text)).toEqual([]);
    // Whole names: the lines of each label are the step's name.
    const drawn = await chart
      .locator("text.funnel-label")
      .evaluateAll((ts) =>
        ts.map((t) => [...t.querySelectorAll("tspan")].map((x) => x.textContent).join(" ")),
      );
    expect(drawn).toEqual(steps);
    // The table (drop-off column included) stays inside the card.
    const [card] = await boxes(page.locator(".data-detail"));
    const [table] = await boxes(page.locator("table.funnel-table"));
    const dropOff = await boxes(page.locator("table.funnel-table tr > :last-child"));
    expect(card && table && inside(table, card)).toBe(true);
    expect(dropOff.filter((c) => !(card && inside(c, card))).map((c) => c.text)).toEqual([]);
    expect(await overflowingText(page, "table.funnel-table thead th")).toEqual([]);
    // A cut name is whole on hover (title) and as the cell's accessible name.
    const cell = page.locator("table.funnel-table .cell-text").nth(3);
    expect(await cell.getAttribute("title")).toBe(steps[3]);
    await page.screenshot({ path: `${shots}/ui-funnel-receipt-1440x900.png`, fullPage: true });

    // Narrower: labels still never overlap (they wrap more, or slant).
    await page.setViewportSize({ width: 1024, height: 800 });
    await expect
      .poll(
        async () => overlapping(await boxes(chart.locator("text.funnel-label, text.funnel-sub"))).length,
        {
          timeout: 5000,
        },
      )
      .toBe(0);
    const [card2] = await boxes(page.locator(".data-detail"));
    const [table2] = await boxes(page.locator("table.funnel-table"));
    expect(card2 && table2 && inside(table2, card2)).toBe(true);
    await page.screenshot({ path: `${shots}/ui-funnel-receipt-1024x800.png`, fullPage: true });
    await page.setViewportSize({ width: 1440, height: 900 });
  }, 60_000);

  it("shows designed vs actual in the map's Data panel with whole stage names and unclipped columns", async () => {
    const created = await (
      await page.request.post("/api/journeys", { data: { title: "Receipt handling", kind: "current_state" } })
    ).json();
    const stages = [
      ["s1", "Confirmation of receipt and first check by the back office", "Confirmation of receipt"],
      ["s2", "Determine necessity of stop advice and indication", "T06*"],
      ["s3", "Print and send the confirmation of receipt to the customer", "T05*"],
    ];
    const commands = [
      ...stages.map(([id, name]) => ({ type: "addStage", id, name })),
      ...stages.map(([id, , pattern]) => ({
        type: "addActivityRule",
        match: pattern?.includes("*") ? "wildcard" : "exact",
        pattern,
        stageId: id,
      })),
    ];
    const res = await page.request.post(`/api/journeys/${created.id}/commands`, {
      data: { baseVersion: created.version, commands },
    });
    expect(res.status()).toBe(200);
    await page.goto(`/maps/${created.id}`);
    await page.getByRole("button", { name: "Data", exact: true }).click();
    const panel = page.getByRole("complementary", { name: "Data" });
    await panel.getByRole("tab", { name: "Designed vs actual" }).click();
    const report = panel.getByRole("region", { name: "Designed vs actual" });
    const chart = report.locator("svg.dva-chart");
    await chart.waitFor({ timeout: 30_000 });
    const [panelBox] = await boxes(panel);
    const [chartBox] = await boxes(chart);
    expect(panelBox && chartBox && inside(chartBox, panelBox)).toBe(true);
    const texts = await boxes(chart.locator("text"));
    expect(texts.filter((t) => !(chartBox && inside(t, chartBox))).map((t) => t.text)).toEqual([]);
    const names = await chart
      .locator(".dva-row text.chart-label")
      .evaluateAll((ts) =>
        ts.map((t) => [...t.querySelectorAll("tspan")].map((x) => x.textContent).join(" ")),
      );
    expect(names).toEqual(stages.map((s) => s[1]));
    const cells = await boxes(report.locator("table.dva-table th, table.dva-table td"));
    expect(cells.filter((c) => !(panelBox && inside(c, panelBox))).map((c) => c.text)).toEqual([]);
    expect(await overflowingText(report, "table.dva-table thead th")).toEqual([]);
    const first = report.locator("table.dva-table .cell-text").first();
    expect(await first.getAttribute("title")).toBe(stages[0]?.[1]);
    await first.focus();
    await page.screenshot({ path: `${shots}/ui-dva-panel-1440x900.png` });
  });
});
