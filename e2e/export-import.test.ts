import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeWithService } from "../src/testing/services.ts";
import { buildWebApp, CHROMIUM, type Harness, startHarness } from "./harness.ts";

const SHARED = join(import.meta.dirname, "../../shared/data/mermaid");
const dir = mkdtempSync(join(tmpdir(), "wayline-e2e-import-"));

async function workbook(file: string, rows: (string | number | null)[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Grid");
  for (const r of rows) ws.addRow(r);
  await wb.xlsx.writeFile(file);
}

describeWithService("Chromium", existsSync(CHROMIUM), "Import dialog on the home page", () => {
  let h: Harness;
  beforeAll(async () => {
    buildWebApp();
    h = await startHarness();
  }, 180_000);
  afterAll(async () => h?.close());

  it("previews a team's XLSX, lets the user fix a guessed lane type, creates and opens the map; Mermaid too; a bad sheet is located", async () => {
    const good = join(dir, "team.xlsx");
    await workbook(good, [
      ["", "Discover", "Sign up", "Use"],
      ["Touchpoints", "Ad\nBlog post", "Sign-up form", "App"],
      ["Pain points", "", "Too many fields", ""],
      ["Emotions", 3, 2, 4],
      ["Notes from the workshop", "ask sales", "", ""],
    ]);
    const page = await h.newPage({ width: 1366, height: 900 });
    await page.goto("/");
    await page.getByRole("button", { name: "Import" }).click();
    const dialog = page.getByRole("dialog", { name: "Import a map" });
    await dialog.getByLabel("File to import").setInputFiles(good);
    const preview = dialog.getByRole("region", { name: "What will be created" });
    await preview.getByText("Sign up").waitFor();
    expect(await preview.getByRole("listitem").allTextContents()).toEqual(["Discover", "Sign up", "Use"]);
    const touch = preview.getByLabel("Type of lane Touchpoints");
    expect(await touch.inputValue()).toBe("touchpoints");
    expect(await preview.getByLabel("Type of lane Emotions").inputValue()).toBe("emotion");
    await preview.getByLabel("Type of lane Notes from the workshop").selectOption("ideas");
    await page.waitForTimeout(300);
    await dialog.getByRole("button", { name: "Create map" }).click();
    await page.waitForURL(/\/maps\/[^/]+$/);
    const id = page.url().split("/").pop() ?? "";
    const map = await (await fetch(`${h.server.url}/api/journeys/${id}`)).json();
    const lane = (name: string) => map.lanes.find((l: { name: string }) => l.name === name)?.type;
    expect([lane("Touchpoints"), lane("Emotions"), lane("Notes from the workshop")]).toEqual([
      "touchpoints",
      "emotion",
      "ideas",
    ]);
    expect(map.cards.some((c: { text: string }) => c.text === "Blog post")).toBe(true);

    await page.goto("/");
    await page.getByRole("button", { name: "Import" }).click();
    await dialog.getByLabel("File to import").setInputFiles(join(SHARED, "e-commerce.mmd"));
    await preview.getByRole("heading", { level: 3 }).waitFor();
    expect(await preview.getByRole("listitem").count()).toBeGreaterThan(1);
    await dialog.getByRole("button", { name: "Create map" }).click();
    await page.waitForURL(/\/maps\/[^/]+$/);
    await page.getByRole("columnheader").first().waitFor();

    const bad = join(dir, "bad.xlsx");
    await workbook(bad, [
      ["", "Discover", "Sign up"],
      ["Touchpoints", "Ad", "Form"],
      [null, "orphan text", ""],
    ]);
    const before = (await (await fetch(`${h.server.url}/api/journeys`)).json()).length;
    await page.goto("/");
    await page.getByRole("button", { name: "Import" }).click();
    await dialog.getByLabel("File to import").setInputFiles(bad);
    const alert = dialog.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/Grid!A3.*cells without a lane name/);
    expect(await dialog.getByRole("button", { name: "Create map" }).isDisabled()).toBe(true);
    expect((await (await fetch(`${h.server.url}/api/journeys`)).json()).length).toBe(before);
  }, 180_000);
});
