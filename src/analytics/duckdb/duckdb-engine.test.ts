import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ReferenceEngine } from "../reference/reference-engine.ts";
import { expectSameAnswer } from "../testing/approx.ts";
import { randomLog } from "../testing/random-log.ts";
import { DuckDb } from "./connection.ts";
import { DuckDbEngine } from "./duckdb-engine.ts";

const dir = mkdtempSync(join(tmpdir(), "wayline-duckdb-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every question the engines answer, for comparing two engines on one log. */
async function answers(e: DuckDbEngine | ReferenceEngine) {
  return {
    stats: await e.stats(),
    variants: await e.variants({ top: 5 }),
    dfg: await e.dfg(),
    paths: await e.paths({ from: "A", depth: 2, top: 3 }),
    funnel: await e.funnel({ steps: ["A", "B"], by: "channel" }),
  };
}

describe("DuckDB engine layout", () => {
  it("orders events by seq, not by arrival, on the stream path", async () => {
    const events = randomLog(7);
    const reversed = [...events].reverse();
    const duck = await DuckDbEngine.open();
    const oracle = new ReferenceEngine();
    await duck.load({ events: reversed });
    await oracle.load({ events });
    expectSameAnswer(await answers(duck), await answers(oracle));
    await duck.close();
  });

  it("keeps file order for equal timestamps on the CSV fast path", async () => {
    const file = join(dir, "ties.csv");
    writeFileSync(
      file,
      "case,activity,timestamp,channel\n" +
        "c1, B ,2024-01-01T10:00:00Z,web\nc1,A,2024-01-01T10:00:00Z,\nc2,A,1704103200,app\n" +
        "c2,B,2024-01-01 10:00:00,app\nc3,A,2024-01-01T09:00:00+01:00,web\nc3,B,2024-01-01T09:00:00Z,web\n",
    );
    const duck = await DuckDbEngine.open();
    const oracle = new ReferenceEngine();
    await duck.load({ file });
    await oracle.load({ file });
    const v = await duck.variants({ top: 5 });
    expect(v.variants.map((x) => x.activities.join(">"))).toEqual(["A>B", "B>A"]);
    expectSameAnswer(await answers(duck), await answers(oracle));
    await duck.close();
  });

  it("reads a database written with layout 1 (ev + traces) and answers like the reference", async () => {
    const events = randomLog(11);
    const path = join(dir, "legacy.duckdb");
    const db = await DuckDb.open(path);
    await db.run(
      "CREATE TABLE ev (case_id VARCHAR, activity VARCHAR, ts BIGINT, seq BIGINT, attrs VARCHAR, pos BIGINT)",
    );
    const values = events.map(
      (e) => `('${e.caseId}', '${e.activity}', ${e.timestamp}, ${e.seq}, '${JSON.stringify(e.attrs)}')`,
    );
    await db.run(`INSERT INTO ev SELECT *, row_number() OVER (PARTITION BY col0 ORDER BY col2, col3)
      FROM (VALUES ${values.reverse().join(", ")})`);
    await db.run("CREATE TABLE traces AS SELECT case_id, 'stale' AS seqkey FROM ev GROUP BY case_id");
    db.close();

    const duck = await DuckDbEngine.open(path);
    const oracle = new ReferenceEngine();
    await oracle.load({ events });
    expectSameAnswer(await answers(duck), await answers(oracle));
    await duck.close();
    const again = await DuckDbEngine.open(path);
    expectSameAnswer((await answers(again)).stats, (await answers(oracle)).stats);
    await again.close();
  });
});
