import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runWayline } from "../../testing/cli.ts";

const dir = mkdtempSync(join(tmpdir(), "wayline-log-append-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const first = join(dir, "week1.csv");
// Column names no detector guesses: the append must reuse the log's columns.
writeFileSync(
  first,
  "who,step,at,messageId\nu1,Visit,2024-01-01 10:00:00,a\nu1,Cart,2024-01-01 10:05:00,b\n",
);
const second = join(dir, "week2.csv");
writeFileSync(
  second,
  "who,step,at,messageId\nu1,Buy,2024-01-08 10:00:00,c\nu2,Visit,2024-01-08 11:00:00,d\nu2,Visit,2024-01-08 11:00:00,d\n",
);
const cli = (...args: string[]) => runWayline(args, { cwd: dir });

describe("wayline log import --append (child process)", () => {
  it("appends a file to an existing log with the log's columns, counting duplicates", async () => {
    const data = join(dir, "data");
    const made = await cli(
      "log",
      "import",
      first,
      "--data",
      data,
      "--case",
      "who",
      "--activity",
      "step",
      "--timestamp",
      "at",
      "--json",
    );
    expect(made.code, made.stderr).toBe(0);
    const id = JSON.parse(made.stdout).id;
    const r = await cli("log", "import", second, "--data", data, "--append", id);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      /^appended 2 events to \S+ \(1 duplicate\(s\) skipped\): now 4 events, 2 cases, 2 variants$/m,
    );
    const stats = await cli("log", "import", second, "--data", data, "--append", id, "--json");
    // messageIds are kept in the database: a new process knows the file's three rows.
    expect(JSON.parse(stats.stdout)).toMatchObject({ appended: 0, duplicates: 3 });
    expect(JSON.parse(stats.stdout).stats).toMatchObject({ events: 4 });
    const missing = await cli("log", "import", second, "--data", data, "--append", "no-such-log");
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no event log with id "no-such-log"/);
  }, 180_000);
});
