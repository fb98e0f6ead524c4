import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runWayline } from "../../testing/cli.ts";

const dir = mkdtempSync(join(tmpdir(), "wayline-log-invalid-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const cli = (...args: string[]) => runWayline(args, { cwd: dir });
const file = (name: string, body: string) => {
  writeFileSync(join(dir, name), body);
  return join(dir, name);
};

describe("wayline log on logs without a valid event (finding 5)", () => {
  it("exits 1 on an all-invalid, a header-only and an empty file, as the API answers 400", async () => {
    for (const f of [
      file("invalid.csv", "case,activity,timestamp\n1,a,not a time\n"),
      file("header.csv", "case,activity,timestamp\n"),
      file("empty.csv", ""),
    ]) {
      const r = await cli("log", "stats", f);
      expect([f, r.code]).toEqual([f, 1]);
      expect(r.stderr).toMatch(/no valid events were found|the file is empty/);
    }
  });

  it("reports an out-of-range epoch with its line and column, never a database error", async () => {
    const f = file(
      "range.csv",
      "case,activity,timestamp\n1,a,99999999999999999999\n1,b,2024-01-01T00:00:00Z\n",
    );
    const r = await cli("log", "stats", f, "--json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ events: 1 });
    expect(r.stderr).toMatch(/line 2, column "timestamp": "99999999999999999999" is out of range/);
    expect(r.stderr).not.toMatch(/int64|bigint/i);
  });
});
