import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DuckDb } from "./connection.ts";
import { duckDbResourcesFromEnv } from "./resources.ts";

const parent = mkdtempSync(join(tmpdir(), "wayline-duckdb-res-"));
afterAll(() => rmSync(parent, { recursive: true, force: true }));

describe("DuckDB memory and spill settings", () => {
  it("applies the limits from the environment to every database it opens", async () => {
    const env = {
      WAYLINE_DUCKDB_MEMORY_LIMIT: "300MiB",
      WAYLINE_DUCKDB_TEMP_DIR: parent,
      WAYLINE_DUCKDB_MAX_TEMP_SIZE: "2GiB",
      WAYLINE_DUCKDB_THREADS: "1",
    };
    const db = await DuckDb.open(":memory:", duckDbResourcesFromEnv(env));
    const [s] =
      await db.rows(`SELECT current_setting('memory_limit') AS m, current_setting('temp_directory') AS t,
      current_setting('max_temp_directory_size') AS x, current_setting('threads') AS th`);
    db.close();
    expect(s?.m).toBe("300.0 MiB");
    expect(String(s?.t).startsWith(join(parent, "wayline-duckdb-"))).toBe(true);
    expect(s?.x).toBe("2.0 GiB");
    expect(s?.th).toBe(1);
  });

  it("defaults to half the RAM, a private folder under the system temp folder and 100GiB of spill", () => {
    const r = duckDbResourcesFromEnv({});
    expect(r.memoryLimit).toMatch(/^\d+MiB$/);
    expect(r.tempDirectory.startsWith(join(tmpdir(), "wayline-duckdb-"))).toBe(true);
    expect(r.maxTempSize).toBe("100GiB");
    expect(r.threads).toBeUndefined();
    expect(duckDbResourcesFromEnv({}).tempDirectory).not.toBe(r.tempDirectory);
  });

  it("spills a grouping larger than the memory limit to the temp folder and answers exactly", async () => {
    const r = duckDbResourcesFromEnv({
      WAYLINE_DUCKDB_MEMORY_LIMIT: "64MiB",
      WAYLINE_DUCKDB_TEMP_DIR: parent,
    });
    const db = await DuckDb.open(":memory:", { ...r, threads: 1 });
    await db.run("SET preserve_insertion_order = false");
    // 1.5 M distinct 20-character keys: the hash table alone is far beyond 64 MiB.
    const [g] = await db.rows(`SELECT count(*) AS groups, sum(n) AS rows FROM (
      SELECT k, count(*) AS n FROM (SELECT printf('%020d', i % 1500000) AS k FROM range(3000000) t(i)) GROUP BY k)`);
    const spilled = existsSync(r.tempDirectory);
    db.close();
    expect(g).toEqual({ groups: 1_500_000, rows: 3_000_000 });
    expect(spilled).toBe(true);
    expect(existsSync(r.tempDirectory) ? readdirSync(r.tempDirectory) : []).toEqual([]);
  });

  it("refuses malformed values, naming the variable", () => {
    expect(() => duckDbResourcesFromEnv({ WAYLINE_DUCKDB_MEMORY_LIMIT: "lots" })).toThrow(
      /WAYLINE_DUCKDB_MEMORY_LIMIT="lots": expected a size/,
    );
    expect(() => duckDbResourcesFromEnv({ WAYLINE_DUCKDB_MAX_TEMP_SIZE: "-1GB" })).toThrow(
      /WAYLINE_DUCKDB_MAX_TEMP_SIZE/,
    );
    expect(() => duckDbResourcesFromEnv({ WAYLINE_DUCKDB_THREADS: "0" })).toThrow(
      /WAYLINE_DUCKDB_THREADS="0"/,
    );
  });
});
