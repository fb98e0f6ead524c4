import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openServices } from "../../services/services.ts";
import { DEFAULT_WORKSPACE_ID as WS } from "../../storage/workspaces.ts";
import { runWayline } from "../../testing/cli.ts";

const dir = mkdtempSync(join(tmpdir(), "wayline-log-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const csv = join(dir, "shop.csv");
writeFileSync(
  csv,
  "user_id,event,time,channel\nu1,Visit,2024-01-01 10:00:00,web\nu1,Cart,2024-01-01 10:05:00,web\nu1,Buy,2024-01-01 10:07:00,web\nu2,Visit,2024-01-01 11:00:00,app\nu2,Cart,2024-01-03 11:00:00,app\n",
);

/** The real `bin/wayline.js` in a child process, in the temp folder. */
const cli = (...args: string[]) => runWayline(args, { cwd: dir });

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

  it("imports a log into the workspace with --data, where the server's services find it", async () => {
    const data = join(dir, "data-import");
    const r = await cli("log", "import", csv, "--data", data, "--name", "Web shop, Q3", "--json");
    expect(r.code).toBe(0);
    const info = JSON.parse(r.stdout);
    expect(info).toMatchObject({
      name: "Web shop, Q3",
      fileName: "shop.csv",
      engine: "duckdb",
      stats: { events: 5, cases: 2, activities: 3, variants: 2 },
    });
    expect(readdirSync(join(data, "logs"))).toEqual([`${info.id}.duckdb`]);
    const human = await cli("log", "import", csv, "--data", data);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/^imported \S+ {2}shop: 5 events, 2 cases, 3 activities, 2 variants$/m);
    const opened = await openServices({ database: { dataDir: data }, dataDir: data });
    try {
      const listed = await opened.services.logs.list(WS);
      expect(listed.map((l) => l.name).sort()).toEqual(["Web shop, Q3", "shop"]);
      const dfg = await opened.services.logs.query(WS, info.id, (e) => e.dfg());
      expect(dfg).toContainEqual(expect.objectContaining({ from: "Visit", to: "Cart", count: 2 }));
    } finally {
      await opened.close();
    }
  });

  it("log import of a file without valid events exits 1 and keeps nothing", async () => {
    const data = join(dir, "data-bad");
    const bad = join(dir, "bad.csv");
    writeFileSync(bad, "user_id,event,time\nu1,Visit,not a time\n");
    const r = await cli("log", "import", bad, "--data", data);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad\.csv: no valid events were found/);
    expect(readdirSync(join(data, "logs"))).toEqual([]);
    const opened = await openServices({ database: { dataDir: data }, dataDir: data });
    try {
      expect(await opened.services.logs.list(WS)).toEqual([]);
    } finally {
      await opened.close();
    }
  });
});
