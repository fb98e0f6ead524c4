import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const entry = join("src", "cli", "commands", "log.cli-test-entry.ts");
const dir = mkdtempSync(join(tmpdir(), "wayline-log-cli-"));
const csv = join(dir, "shop.csv");
writeFileSync(
  csv,
  "user_id,event,time,channel\nu1,Visit,2024-01-01 10:00:00,web\nu1,Cart,2024-01-01 10:05:00,web\nu1,Buy,2024-01-01 10:07:00,web\nu2,Visit,2024-01-01 11:00:00,app\nu2,Cart,2024-01-03 11:00:00,app\n",
);

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run("node", ["--import", "tsx", entry, ...args], {
      env: { ...process.env, NO_COLOR: "1" },
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe("wayline log (child process)", () => {
  it("prints stats as JSON", async () => {
    const r = await cli("log", "stats", csv, "--json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ events: 5, cases: 2, activities: 3, variants: 2 });
  });

  it("prints a readable funnel table with a window and breakdown", async () => {
    const r = await cli(
      "log",
      "funnel",
      csv,
      "--steps",
      "Visit,Cart,Buy",
      "--window",
      "1d",
      "--by",
      "channel",
      "--engine",
      "reference",
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Visit\s+2\s+100\.0%/);
    expect(r.stdout).toMatch(/Cart\s+1\s+50\.0%/);
    expect(r.stdout).toMatch(/web\s+1\s+100\.0%/);
    expect(r.stderr).not.toMatch(/loading/);
  });

  it("answers variants, dfg and paths", async () => {
    expect(
      JSON.parse((await cli("log", "variants", csv, "--top", "1", "--json")).stdout).variants,
    ).toHaveLength(1);
    expect(JSON.parse((await cli("log", "dfg", csv, "--json")).stdout)[0]).toMatchObject({
      from: "Visit",
      to: "Cart",
      count: 2,
    });
    const paths = JSON.parse(
      (await cli("log", "paths", csv, "--from", "Visit", "--depth", "1", "--json")).stdout,
    );
    expect(paths.paths).toEqual([{ activities: ["Cart"], count: 2 }]);
  });

  it("exits 2 on usage errors", async () => {
    expect((await cli("log", "paths", csv)).code).toBe(2);
    expect((await cli("log", "funnel", csv, "--steps", "Visit")).code).toBe(2);
    expect((await cli("log", "funnel", csv, "--steps", "A,B", "--window", "soon")).code).toBe(2);
    expect((await cli("log", "stats", csv, "--engine", "oracle")).code).toBe(2);
  });

  it("exits 1 with a message on a bad file", async () => {
    const r = await cli("log", "stats", join(dir, "missing.csv"));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/missing\.csv: cannot read: ENOENT/);
    const r2 = await cli("log", "stats", csv, "--case", "nope");
    expect(r2.code).toBe(1);
    expect(r2.stderr).toMatch(/"nope".*not in the file/);
  });
});
