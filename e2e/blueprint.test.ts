import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { INTERVAL_CSV, INTERVAL_STAGES } from "../src/testing/interval-log.ts";
import { describeWithService } from "../src/testing/services.ts";
import { buildWebApp, CHROMIUM, type Harness, startHarness } from "./harness.ts";
import { overflowingText } from "./ui-checks.ts";

/** A service blueprint with the claims stages and one activity rule per stage, through the REST API. */
async function makeMap(page: Page): Promise<string> {
  const created = await (
    await page.request.post("/api/journeys", {
      data: { title: "Claims blueprint", kind: "service_blueprint" },
    })
  ).json();
  const commands = INTERVAL_STAGES.flatMap((s) => [
    { type: "addStage", id: s.id, name: s.name },
    { type: "addActivityRule", match: "exact", pattern: s.activity, stageId: s.id },
  ]);
  const res = await page.request.post(`/api/journeys/${created.id}/commands`, {
    data: { baseVersion: created.version, commands },
  });
  expect(res.status()).toBe(200);
  return created.id as string;
}

/** Serious and critical axe findings of the page, as "rule: target" lines. */
async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page } as never).analyze();
  return result.violations
    .filter((v: { impact?: string | null }) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")}`));
}

/** Sets a stage's SLA through its header menu and the SLA dialog. */
async function setSla(page: Page, stage: string, amount: string, unit: string, label?: string) {
  await page.getByRole("button", { name: `Stage options for ${stage}` }).click();
  await page.getByRole("menuitem", { name: /^(Set|Edit) SLA…$/ }).click();
  const dialog = page.getByRole("dialog", { name: `SLA of “${stage}”` });
  await dialog.getByLabel("Target").fill(amount);
  await dialog.getByLabel("Unit").selectOption({ label: unit });
  if (label !== undefined) await dialog.getByLabel("Label (optional)").fill(label);
  await dialog.getByRole("button", { name: "Save SLA" }).click();
  await dialog.waitFor({ state: "detached" });
}

describeWithService("Chromium", existsSync(CHROMIUM), "durations beside stated SLAs in Chromium", () => {
  let h: Harness;
  let dir: string;
  beforeAll(async () => {
    buildWebApp();
    h = await startHarness();
    dir = mkdtempSync(join(tmpdir(), "wayline-blueprint-e2e-"));
  }, 180_000);
  afterAll(async () => {
    await h?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("imports an interval log, sets SLAs from the stage menu, shows measured figures and met/breached", async () => {
    const page = await h.newPage({ width: 1440, height: 900 });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));

    // The interval log through the Data tab, as a user imports it.
    const file = join(dir, "claims.csv");
    writeFileSync(file, INTERVAL_CSV);
    await page.goto("/");
    await page.getByRole("link", { name: "Data" }).click();
    await page.getByLabel("Event log file").setInputFiles(file);
    await page.getByRole("table", { name: "First rows of the file" }).waitFor();
    await page.getByRole("button", { name: "Import log" }).click();
    await page.getByText(/Imported “claims”/).waitFor({ timeout: 60_000 });

    const mapId = await makeMap(page);
    await page.goto(`/maps/${mapId}`);
    await page.getByRole("columnheader", { name: "Review", exact: true }).waitFor();

    // An invalid target is refused with the field named; then 1 day on Review, 4 days on Intake.
    await page.getByRole("button", { name: "Stage options for Review" }).click();
    await page.getByRole("menuitem", { name: "Set SLA…" }).click();
    const dialog = page.getByRole("dialog", { name: "SLA of “Review”" });
    await dialog.getByLabel("Target").fill("soon");
    await dialog.getByRole("button", { name: "Save SLA" }).click();
    expect(await dialog.getByRole("alert").textContent()).toMatch(/^Target: enter a number above 0/);
    await page.screenshot({ path: "/tmp/blueprint-dialog.png" });
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await setSla(page, "Review", "1", "days", "Reviewed within a day");
    await setSla(page, "Intake", "4", "days");

    // Chips: the target, the measured median and p90 from the log, and the state in words.
    const review = page.getByRole("columnheader", { name: "Review", exact: true }).locator(".sla-chip");
    await expect.poll(() => review.textContent(), { timeout: 20_000 }).toMatch(/breached/);
    expect(await review.textContent()).toBe("SLA 1 dmedian 1 d 5 min · p90 1 d 25 minbreached");
    expect(await review.getAttribute("class")).toContain("sla-breached");
    expect(await review.getAttribute("aria-label")).toContain("Reviewed within a day");
    const intake = page.getByRole("columnheader", { name: "Intake", exact: true }).locator(".sla-chip");
    await expect.poll(() => intake.textContent()).toMatch(/met$/);
    expect(await intake.textContent()).toMatch(/^SLA 4 dmedian 1 d 50 min · p90 2 d 16 hmet$/);
    expect(
      await page.getByRole("columnheader", { name: "Decision", exact: true }).locator(".sla-chip").count(),
    ).toBe(0);
    expect(await overflowingText(page, ".sla-chip span")).toEqual([]);
    await page.screenshot({ path: "/tmp/blueprint-chips.png" });

    // The Data panel's Durations view: time in stage beside the SLA, and the activity durations.
    await page.getByRole("button", { name: "Data", exact: true }).click();
    const panel = page.getByRole("complementary", { name: "Data" });
    await panel.getByRole("tab", { name: "Durations" }).click();
    const stages = panel.getByRole("table", { name: "Time in stage" });
    await stages.waitFor();
    const rows = async (t: typeof stages) =>
      t
        .locator("tbody tr")
        .evaluateAll((trs) =>
          trs.map((tr) =>
            [...tr.querySelectorAll("th, td")].map((c) =>
              (c.textContent ?? "").replace(/\u00a0/g, " ").trim(),
            ),
          ),
        );
    expect(await rows(stages)).toEqual([
      ["Intake", "3", "1 d 50 min", "2 d 16 h", "4 d", "met"],
      ["Review", "3", "1 d 5 min", "1 d 25 min", "1 d — Reviewed within a day", "breached"],
      ["Decision", "2", "0 ms", "0 ms", "–", "no SLA"],
    ]);
    const acts = panel.getByRole("table", { name: "Activity durations" });
    expect(await rows(acts)).toEqual([
      ["Approve", "2", "2", "17 min 30 s", "27 min 30 s", "17 min 30 s"],
      ["Review", "3", "3", "1 d", "2 d 14 h", "1 d 8 h"],
      ["Submit", "3", "3", "15 min", "19 min", "15 min"],
    ]);
    // Nothing clipped without the ellipsis: numbers fit, long texts show whole on hover.
    await page.screenshot({ path: "/tmp/blueprint-data-panel.png" });
    expect(await seriousViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: "dark" });
    await page.screenshot({ path: "/tmp/blueprint-data-panel-dark.png" });
    expect(await seriousViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: "light" });
    expect(
      await overflowingText(panel, ".durations-table td, .durations-table th, .sla-status-cell"),
    ).toEqual([]);
    const sla = stages.locator("tbody tr").nth(1).locator("td").nth(3).locator(".cell-text");
    expect(await sla.getAttribute("title")).toBe("1 d — Reviewed within a day");
    await page.screenshot({ path: "/tmp/blueprint-data-panel.png" });

    // Clearing the SLA from the menu removes the chip; the table says no SLA.
    await page.getByRole("button", { name: "Stage options for Review" }).click();
    await page.getByRole("menuitem", { name: "Clear SLA" }).click();
    await expect.poll(() => review.count()).toBe(0);
    await expect.poll(async () => (await rows(stages))[1]?.[5]).toBe("no SLA");
    expect(errors).toEqual([]);
  }, 180_000);
});
