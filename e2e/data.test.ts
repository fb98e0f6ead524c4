import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { EVENTLOGS_DIR } from "../src/analytics/testing/shared-logs.ts";
import { describeWithService } from "../src/testing/services.ts";
import { buildWebApp, CHROMIUM, type Harness, startHarness } from "./harness.ts";

const shots = "e2e/screenshots";
const RUNNING_EXAMPLE = join(EVENTLOGS_DIR, "running-example.csv");
const STAGES = ["Request", "Examine", "Decide", "Outcome"];

/** A map with four stages, an emotion lane with an assumed curve, made through the REST API. */
async function makeMap(page: Page): Promise<string> {
  const created = await (
    await page.request.post("/api/journeys", { data: { title: "Claims journey", kind: "current_state" } })
  ).json();
  const scale = created.emotionScale as { min: number; max: number };
  const mid = Math.round((scale.min + scale.max) / 2);
  const ids = STAGES.map((_, i) => `st${i}`);
  const commands = [
    ...STAGES.map((name, i) => ({ type: "addStage", id: ids[i], name })),
    { type: "addLane", laneType: "emotion", name: "Feelings" },
    ...ids.map((stageId, i) => ({ type: "setEmotion", stageId, value: [mid, scale.min, mid, scale.max][i] })),
  ];
  const res = await page.request.post(`/api/journeys/${created.id}/commands`, {
    data: { baseVersion: created.version, commands },
  });
  expect(res.status()).toBe(200);
  return created.id as string;
}

async function saved(page: Page): Promise<void> {
  await page.getByText("All changes saved").waitFor({ timeout: 10_000 });
}

describeWithService("Chromium", existsSync(CHROMIUM), "the Data tab and map data overlay in Chromium", () => {
  let h: Harness;
  let dir: string;
  beforeAll(async () => {
    buildWebApp();
    h = await startHarness();
    dir = mkdtempSync(join(tmpdir(), "wayline-data-e2e-"));
  }, 120_000);
  afterAll(async () => {
    await h?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("imports the running example, builds a funnel, maps activities, fills KPIs and shows survey emotion", async () => {
    const page = await h.newPage({ width: 1366, height: 768 });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));

    // Home → Data tab; choose the file: preview rows and detected columns.
    await page.goto("/");
    await page.getByRole("link", { name: "Data" }).click();
    await page.getByRole("heading", { name: "Event logs" }).waitFor();
    await page.getByLabel("Event log file").setInputFiles(RUNNING_EXAMPLE);
    const preview = page.getByRole("table", { name: "First rows of the file" });
    await preview.waitFor();
    expect(await preview.locator("tbody tr").count()).toBe(20);
    expect(await page.getByRole("combobox", { name: "Case id" }).inputValue()).toBe("case:concept:name");
    expect(await page.getByRole("combobox", { name: "Activity" }).inputValue()).toBe("concept:name");
    expect(await page.getByRole("combobox", { name: /^Timestamp(?! layout)/ }).inputValue()).toBe(
      "time:timestamp",
    );
    await page.screenshot({ path: `${shots}/data-upload-preview-1366x768.png` });

    // Import: statistics of PRODUCT.md §4.
    await page.getByRole("button", { name: "Import log" }).click();
    await page.getByText(/Imported “running-example”/).waitFor({ timeout: 30_000 });
    const tile = (k: string) => page.locator(`.stat-tile[data-stat="${k}"] dd`).textContent();
    await page.locator('.stat-tile[data-stat="events"]').waitFor();
    expect(await tile("events")).toBe("42");
    expect(await tile("cases")).toBe("6");
    expect(await tile("activities")).toBe("8");
    expect(await tile("variants")).toBe("6");
    expect(await page.getByRole("list", { name: "Event logs" }).textContent()).toContain("42 events");

    // Funnel: register request → decide → pay compensation.
    for (const step of ["register request", "decide", "pay compensation"])
      await page.getByRole("combobox", { name: "Add a step" }).selectOption(step);
    await page.getByRole("button", { name: "Build funnel" }).click();
    const chart = page.locator("svg.funnel-chart");
    await chart.waitFor();
    expect(await chart.locator("rect.funnel-bar").count()).toBe(3);
    expect(await page.locator(".funnel-summary").textContent()).toMatch(/of 6 cases converted \(3\)/);
    await page.screenshot({ path: `${shots}/data-funnel-1366x768.png`, fullPage: true });

    // Variants with coverage, and the drawn process map.
    await page.getByRole("tab", { name: "Variants" }).click();
    expect(await page.locator(".variant").count()).toBe(6);
    await page.getByRole("tab", { name: "Process map" }).click();
    await page.locator("svg.dfg-svg").waitFor();
    expect(await page.locator(".dfg-node").count()).toBe(8);
    await page.screenshot({ path: `${shots}/data-process-map-1366x768.png`, fullPage: true });

    // A map: add activity rules in the Data panel, with live preview.
    const mapId = await makeMap(page);
    await page.goto(`/maps/${mapId}`);
    await page.getByRole("columnheader", { name: "Request", exact: true }).waitFor();
    await page.getByRole("button", { name: "Data", exact: true }).click();
    const panel = page.getByRole("complementary", { name: "Data" });
    await panel.getByRole("combobox", { name: "Event log" }).waitFor();
    const unmapped = panel.getByRole("region", { name: "Unmapped activities" });
    await unmapped.getByText("register request").waitFor();
    const rules: [string, string, string][] = [
      ["exact", "register request", "Request"],
      ["wildcard", "examine *", "Examine"],
      ["exact", "check ticket", "Examine"],
      ["exact", "decide", "Decide"],
      ["regex", "^(pay|reject)", "Outcome"],
    ];
    for (const [kind, pattern, stage] of rules) {
      await panel.getByRole("combobox", { name: "New rule match kind" }).selectOption(kind);
      await panel.getByRole("textbox", { name: "New rule pattern" }).fill(pattern);
      await panel.getByRole("combobox", { name: "New rule stage" }).selectOption({ label: stage });
      await panel.getByRole("button", { name: "Add rule" }).click();
    }
    expect(await panel.getByRole("listitem", { name: /^Rule \d$/ }).count()).toBe(5);
    const rule2 = panel.getByRole("listitem", { name: "Rule 2" });
    expect(await rule2.getByRole("list", { name: "Matched activities" }).textContent()).toBe(
      "examine casuallyexamine thoroughly",
    );
    expect(await unmapped.locator(".unmapped-chip").allTextContents()).toEqual([
      expect.stringContaining("reinitiate request"),
    ]);
    await saved(page);
    await page.screenshot({ path: `${shots}/data-rules-1366x768.png` });

    // Undo removes the last rule through the editor's command path; redo brings it back.
    const ruleCount = () => panel.getByRole("listitem", { name: /^Rule \d$/ }).count();
    await page.getByRole("button", { name: "Undo" }).click();
    await expect.poll(ruleCount).toBe(4);
    await page.getByRole("button", { name: "Redo" }).click();
    await expect.poll(ruleCount).toBe(5);
    await saved(page);

    // Designed vs actual, then fill the KPI lane.
    await panel.getByRole("tab", { name: "Designed vs actual" }).click();
    const report = panel.getByRole("region", { name: "Designed vs actual" });
    await report.locator("svg.dva-chart").waitFor();
    expect(await report.textContent()).toContain("reinitiate request");
    await panel.getByRole("button", { name: "Fill KPIs from data" }).click();
    await page.getByRole("rowheader", { name: /KPIs from data/ }).waitFor();
    await page.locator(".card .evidence-badge").first().waitFor();
    await saved(page);
    await page.screenshot({ path: `${shots}/data-kpis-report-1366x768.png` });

    // Surveys: upload, per-stage results, data-backed emotion beside the assumed curve.
    const csv = join(dir, "survey.csv");
    const rows = ["case_id,stage,touchpoint,metric,score,comment"];
    for (let i = 0; i < 12; i++) {
      rows.push(`${i},Request,,csat,${4 + (i % 2)},quick and friendly`);
      rows.push(`${i},Examine,,ces,${2 + (i % 3)},"slow, confusing paperwork"`);
      rows.push(`${i},Outcome,,nps,${i % 2 ? 9 : 6},fine`);
    }
    writeFileSync(csv, `${rows.join("\n")}\n`);
    await panel.getByRole("tab", { name: "Surveys" }).click();
    await panel.getByLabel("Survey file (CSV, JSON, NDJSON)").setInputFiles(csv);
    await panel.getByRole("button", { name: "Import survey" }).click();
    await panel.getByText("Imported 36 answers").waitFor();
    const table = panel.getByRole("table", { name: "Survey results per stage" });
    await table.waitFor();
    expect(await table.getByRole("row", { name: /^Request/ }).textContent()).toContain("n=12");
    await panel.getByLabel("Show the emotion from survey data in the emotion lane").check();
    const band = page.locator(".data-emotion-overlay svg.data-emotion");
    await band.waitFor();
    expect(await band.locator("circle").count()).toBe(3);
    expect(await band.locator("path.data-emotion-band").count()).toBeGreaterThan(0);
    await band.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${shots}/data-survey-emotion-1366x768.png` });

    // Dark theme keeps the charts readable.
    await page.evaluate(() => document.documentElement.setAttribute("data-theme", "dark"));
    await panel.getByRole("tab", { name: "Designed vs actual" }).click();
    await report.locator("svg.dva-chart").waitFor();
    await page.screenshot({ path: `${shots}/data-report-dark-1366x768.png` });
    expect(errors).toEqual([]);
  }, 180_000);
});
