import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { runWayline } from "../../testing/cli.ts";

const dir = mkdtempSync(join(tmpdir(), "wayline-portfolio-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const wayline = (...args: string[]) => runWayline([...args, "--data", join(dir, "data")], { cwd: dir });

describe("wayline portfolio", { timeout: 120_000 }, () => {
  it("lists rows by priority, exports CSV and exits 1 with --fail-on overdue when one is overdue", async () => {
    const file = join(dir, "pizza.wayline.json");
    expect((await runWayline(["new", "--template", "pizza-restaurant", "-o", file], { cwd: dir })).code).toBe(
      0,
    );
    expect((await wayline("import", file)).code).toBe(0);

    const now = await wayline("portfolio", "--type", "pain", "--fail-on", "overdue", "--json");
    expect(now.code).toBe(0);
    const rows = JSON.parse(now.stdout).items;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r: { type: string; overdue: boolean }) => r.type === "pain" && !r.overdue)).toBe(true);

    const later = await wayline("portfolio", "--overdue", "--today", "2099-01-01", "--fail-on", "overdue");
    expect(later.code).toBe(1);
    expect(later.stdout).toMatch(/^PRIORITY\s+TYPE\s+STATUS/);
    expect(later.stdout).toContain("OVERDUE");
    expect(later.stderr).toContain("overdue pain points found");

    const csv = await wayline("portfolio", "--csv", "--link-base", "https://cx.example.com");
    expect(csv.code).toBe(0);
    expect(csv.stdout.split("\r\n")[0]).toBe("Summary,Description,Assignee,Due date,Labels,Link");
    expect(csv.stdout).toContain("https://cx.example.com/maps/");

    const out = join(dir, "portfolio.xlsx");
    const xlsx = await wayline("portfolio", "--xlsx", "-o", out, "--link-base", "https://cx.example.com");
    expect(xlsx.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const sheet = wb.getWorksheet("Portfolio");
    expect(sheet?.getRow(1).getCell(1).text).toBe("Summary");
    expect(sheet?.rowCount).toBe((parse(csv.stdout) as string[][]).length);
    expect(sheet?.getRow(2).getCell(6).text).toMatch(/^https:\/\/cx\.example\.com\/maps\//);

    const noFile = await wayline("portfolio", "--xlsx");
    expect(noFile.code).toBe(1);
    expect(noFile.stderr).toContain("-o FILE");
  });

  it("rejects a bad order with exit 1", async () => {
    const bad = await wayline("portfolio", "--sort", "rice");
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/sort/);
  });
});
