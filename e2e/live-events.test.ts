import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeWithService } from "../src/testing/services.ts";
import { buildWebApp, CHROMIUM, type Harness, startHarness } from "./harness.ts";

describeWithService("Chromium", existsSync(CHROMIUM), "live events from the Data tab in Chromium", () => {
  let h: Harness;
  let page: Page;
  const dir = mkdtempSync(join(tmpdir(), "wayline-live-e2e-"));
  const file = join(dir, "signups.csv");
  writeFileSync(
    file,
    "case,activity,timestamp\nc1,Visit,2026-01-01T10:00:00Z\nc1,Sign up,2026-01-01T10:05:00Z\n",
  );
  beforeAll(async () => {
    buildWebApp();
    h = await startHarness();
    page = await h.newPage({ width: 1366, height: 900 });
  }, 180_000);
  afterAll(async () => {
    await h?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const eventsTile = () => page.locator('[data-stat="events"] dd');

  it("creates a write key, events posted with it show in the statistics, a revoked key is refused", async () => {
    await page.goto("/");
    await page.getByRole("link", { name: "Data" }).click();
    await page.getByLabel("Event log file").setInputFiles(file);
    await page.getByRole("button", { name: "Import log" }).click();
    await page.getByText(/Imported “signups”/).waitFor({ timeout: 60_000 });
    await expect.poll(() => eventsTile().textContent()).toBe("2");
    const live = page.getByRole("region", { name: "Live events" });
    await live.getByRole("button", { name: "Create write key" }).click();
    const key = ((await live.getByLabel("New write key").textContent()) ?? "").trim();
    expect(key).toMatch(/^wk_/);
    const auth = {
      authorization: `Basic ${Buffer.from(`${key}:`).toString("base64")}`,
      "content-type": "application/json",
    };
    const batch = {
      batch: ["Visit", "Pricing", "Sign up"].map((event, i) => ({
        type: "track",
        userId: "live-1",
        event,
        messageId: `e2e-${i}`,
        timestamp: `2026-02-01T10:0${i}:00Z`,
      })),
    };
    const r = await fetch(`${h.server.url}/v1/batch`, {
      method: "POST",
      headers: auth,
      body: JSON.stringify(batch),
    });
    expect(await r.json()).toEqual({ success: true });
    await expect
      .poll(
        async () => {
          await live.getByRole("button", { name: "Refresh statistics" }).click();
          return eventsTile().textContent();
        },
        { timeout: 10_000 },
      )
      .toBe("5");
    await live.getByRole("button", { name: "Revoke key" }).click();
    await live.getByRole("button", { name: "Create write key" }).waitFor();
    const refused = await fetch(`${h.server.url}/v1/batch`, {
      method: "POST",
      headers: auth,
      body: JSON.stringify(batch),
    });
    expect(refused.status).toBe(401);
  }, 120_000);
});
