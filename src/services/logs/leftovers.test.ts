import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestStore, type TestStore } from "../../testing/databases.ts";
import { LogLibrary } from "./log-library.ts";

/** A pid that is certainly not running (beyond the kernel's pid_max). */
const DEAD_PID = 4_194_399;

describe("leftovers of a crash are cleaned on start (finding 6)", () => {
  let t: TestStore;
  let data: string;
  beforeEach(async () => {
    t = await createTestStore("sqlite");
    data = mkdtempSync(join(tmpdir(), "wayline-leftovers-"));
  });
  afterEach(async () => {
    await t.dispose();
    rmSync(data, { recursive: true, force: true });
  });

  it("removes orphan *.importing.duckdb files and partial uploads of dead processes, keeps live ones and logs", async () => {
    const logs = join(data, "logs");
    const tmp = join(data, "tmp");
    mkdirSync(logs, { recursive: true });
    mkdirSync(join(tmp, `upload-${DEAD_PID}-x`), { recursive: true });
    mkdirSync(join(tmp, `upload-${process.pid}-y`), { recursive: true });
    writeFileSync(join(tmp, `upload-${DEAD_PID}-x`, "big.csv"), "partial");
    for (const f of [
      "old.importing.duckdb",
      "old.importing.duckdb.wal",
      `dead.importing.${DEAD_PID}.duckdb`,
      `live.importing.${process.pid}.duckdb`,
      "kept.duckdb",
    ])
      writeFileSync(join(logs, f), "x");
    const lib = new LogLibrary(t.store, { dir: logs });
    try {
      expect(readdirSync(logs).sort()).toEqual(["kept.duckdb", `live.importing.${process.pid}.duckdb`]);
      expect(readdirSync(tmp)).toEqual([`upload-${process.pid}-y`]);
      expect(lib.tempDir).toBe(tmp);
    } finally {
      await lib.close();
    }
  });

  it("keeps temporary upload files under the data folder, not the system temp", async () => {
    const lib = new LogLibrary(t.store, { dir: join(data, "logs") });
    try {
      const d = lib.newTempDir();
      expect(d.startsWith(join(data, "tmp", `upload-${process.pid}-`))).toBe(true);
      expect(existsSync(d)).toBe(true);
    } finally {
      await lib.close();
    }
  });
});
