import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runWayline } from "../../testing/cli.ts";

const dir = mkdtempSync(join(tmpdir(), "wayline-attention-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const wayline = (...args: string[]) => runWayline([...args, "--data", join(dir, "data")], { cwd: dir });
const today = new Date().toISOString().slice(0, 10);

describe("wayline attention", { timeout: 120_000 }, () => {
  it("exits 1 with --fail-on only when something overdue or stale is found", async () => {
    const file = join(dir, "pizza.wayline.json");
    expect((await runWayline(["new", "--template", "pizza-restaurant", "-o", file], { cwd: dir })).code).toBe(
      0,
    );
    expect((await wayline("import", file)).code).toBe(0);

    // Template pain points are due 90 days after the map was made, and it was just reviewed.
    const now = await wayline("attention", "--fail-on", "overdue,stale");
    expect(now.code).toBe(0);
    expect(now.stdout).toContain(`Needs attention on ${today}:`);
    expect(now.stdout).toContain("Maps without a future state (1)");

    const later = await wayline("attention", "--today", "2099-01-01", "--fail-on", "overdue", "--json");
    expect(later.code).toBe(1);
    const report = JSON.parse(later.stdout);
    expect(report.today).toBe("2099-01-01");
    expect(report.counts["pain-overdue"]).toBeGreaterThan(0);
    expect(report.counts["review-overdue"]).toBe(1);

    const stale = await wayline(
      "attention",
      "--today",
      "2099-01-01",
      "--kind",
      "review-overdue",
      "--fail-on",
      "stale",
    );
    expect(stale.code).toBe(1);
    expect(stale.stdout).toContain("Maps past their review cadence (1)");
    expect(stale.stdout).not.toContain("Overdue pain points");
    expect(stale.stderr).toContain("needs attention: stale found");

    const nobody = await wayline(
      "attention",
      "--today",
      "2099-01-01",
      "--owner",
      "Nobody",
      "--fail-on",
      "overdue",
    );
    expect(nobody.code).toBe(0);
    expect(nobody.stdout).toContain("0 item(s) across 1 map(s)");
  });

  it("rejects bad options with exit 1 and the option's name", async () => {
    const bad = await wayline("attention", "--fail-on", "late", "--today", "soon");
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/failOn/);
    expect(bad.stderr).toMatch(/today/);
  });
});
