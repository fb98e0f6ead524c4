import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, expect, it } from "vitest";
import { ReferenceEngine } from "../reference/reference-engine.ts";
import { describeWithSharedLogs, EVENTLOGS_DIR } from "../testing/shared-logs.ts";
import { DuckDbEngine } from "./duckdb-engine.ts";

const dir = mkdtempSync(join(tmpdir(), "wayline-parquet-"));
const text = join(dir, "running-example.parquet");
const typed = join(dir, "receipt-typed.parquet");

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeWithSharedLogs("Parquet event logs", () => {
  /** Writes Parquet copies of shared CSV logs: one all text, one with a real TIMESTAMPTZ column. */
  beforeAll(async () => {
    const db = await DuckDBInstance.create(":memory:");
    const c = await db.connect();
    const csv = (f: string) => `'${join(EVENTLOGS_DIR, f)}'`;
    await c.run(
      `COPY (SELECT * FROM read_csv(${csv("running-example.csv")}, all_varchar = true)) TO '${text}' (FORMAT PARQUET)`,
    );
    await c.run(`COPY (SELECT "case:concept:name" AS case_id, "concept:name" AS event, CAST("time:timestamp" AS TIMESTAMPTZ) AS ts
      FROM read_csv(${csv("receipt.csv")})) TO '${typed}' (FORMAT PARQUET)`);
    c.closeSync();
    db.closeSync();
  });

  it.each([
    [text, { events: 42, cases: 6, activities: 8, variants: 6 }],
    [typed, { events: 8577, cases: 1434, activities: 27, variants: 116 }],
  ])("%s gives the reference figures on DuckDB and the reference engine", async (file, figures) => {
    for (const engine of [await DuckDbEngine.open(), new ReferenceEngine()]) {
      try {
        await engine.load({ file });
        expect(await engine.stats()).toMatchObject(figures);
      } finally {
        await engine.close();
      }
    }
  });
});
