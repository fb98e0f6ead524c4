import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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
  });

  it("rejects a bad order with exit 1", async () => {
    const bad = await wayline("portfolio", "--sort", "rice");
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/sort/);
  });
});
