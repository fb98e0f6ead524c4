import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { parseTimestamp } from "../import/timestamp.ts";
import { ReferenceEngine } from "../reference/reference-engine.ts";
import { expectSameAnswer } from "../testing/approx.ts";
import { randomLog } from "../testing/random-log.ts";
import { DuckDb } from "./connection.ts";
import { DuckDbEngine } from "./duckdb-engine.ts";
import { loadCsvNative, timestampSql } from "./load.ts";
import { sqlString } from "./sql.ts";

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

  it("answers the sequence questions like the reference on CSV files read without attributes", async () => {
    const duck = await DuckDbEngine.open();
    const oracle = new ReferenceEngine();
    for (let seed = 1; seed <= 30; seed++) {
      const file = join(dir, `noattrs-${seed}.csv`);
      const rows = randomLog(seed).map(
        (e) => `${e.caseId},${e.activity},${new Date(e.timestamp).toISOString()},${e.attrs.channel ?? ""}`,
      );
      writeFileSync(file, `case,activity,timestamp,channel\n${rows.join("\n")}\n`);
      const report = await duck.load({ file, attributes: false });
      await oracle.load({ file });
      expect(report.events).toBe(rows.length);
      const ask = async (e: DuckDbEngine | ReferenceEngine) => ({
        seed,
        stats: await e.stats(),
        variants: await e.variants({ top: 4 }),
        dfg: await e.dfg(),
        paths: await e.paths({ to: "B", depth: 2, top: 2 }),
        funnel: await e.funnel({ steps: ["A", "B"], mode: "strict" }),
      });
      expectSameAnswer(await ask(duck), await ask(oracle));
    }
    // The attributes were not read: questions needing them say so instead of answering wrongly.
    await expect(duck.funnel({ steps: ["A", "B"], by: "channel" })).rejects.toThrow(/attributes: false/);
    await expect(duck.activityDurations()).rejects.toThrow(/attributes: false/);
    await duck.load({ file: join(dir, "noattrs-1.csv") });
    expect((await duck.funnel({ steps: ["A", "B"], by: "channel" })).steps.length).toBe(2);
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

/** What `timestampSql` makes of each value, in DuckDB. */
async function sqlTimestamps(values: readonly string[]): Promise<(number | null)[]> {
  const db = await DuckDb.open();
  try {
    const rows = values.map((v, i) => `(${i}, ${sqlString(v)})`).join(", ");
    return (await db.rows(`SELECT ${timestampSql("v")} AS ts FROM (VALUES ${rows}) t(i, v) ORDER BY i`)).map(
      (r) => (r.ts === null ? null : Number(r.ts)),
    );
  } finally {
    db.close();
  }
}

describe("CSV files the fast path leaves to the importer", () => {
  it("reads a file with unknown headers by content, as the reference does", async () => {
    const file = fileURLToPath(new URL("../import/samples/odd-headers-de.csv", import.meta.url));
    const duck = await DuckDbEngine.open();
    const oracle = new ReferenceEngine();
    const report = await duck.load({ file });
    await oracle.load({ file });
    expect(report.mapping).toEqual({ case: "Fall", activity: "Vorgang", timestamp: "Zeit" });
    expect(report.mappingChoice?.case.by).toBe("content");
    expect(await duck.stats()).toEqual(await oracle.stats());
    await duck.close();
  });

  it("refuses a classifier on a CSV file, as the importer does", async () => {
    const file = join(dir, "plain.csv");
    writeFileSync(file, "case,activity,timestamp\nc1,A,2024-01-01T10:00:00Z\n");
    const duck = await DuckDbEngine.open();
    await expect(duck.load({ file, options: { classifier: "Activity classifier" } })).rejects.toThrow(
      /classifier/i,
    );
    await duck.close();
  });
});

describe("timestampSql (the CSV fast path)", () => {
  it("keeps a file with a space before the offset and comma fractions on the fast path", async () => {
    const file = join(dir, "offsets.csv");
    writeFileSync(
      file,
      "Case ID,Activity,Complete Timestamp\n" +
        'c1,Register,2014/10/22 11:15:41.000 +0200\nc1,Check,"2014/10/22 12:00:00,5 +0200"\n' +
        "c2,Register,2014-10-22 09:00:00 -05:30\nc2,Check,2014-10-23 Z\n",
    );
    const db = await DuckDb.open();
    try {
      const report = await loadCsvNative(db, file, {});
      expect(report?.events).toBe(4);
      const ts = (await db.rows("SELECT ts FROM events ORDER BY case_id, ts")).map((r) => Number(r.ts));
      expect(ts).toEqual(
        [
          "2014/10/22 11:15:41.000 +0200",
          "2014/10/22 12:00:00,5 +0200",
          "2014-10-22 09:00:00 -05:30",
          "2014-10-23 Z",
        ].map((v) => parseTimestamp(v)),
      );
    } finally {
      db.close();
    }
  });

  it("gives parseTimestamp's value for every layout, dash and slash, valid or not", async () => {
    const values = [
      "2014/10/22 11:15:41.000",
      "2014/10/22 11:15:41.123456",
      "2014/10/22 11:15",
      "2014/10/22",
      "2014/10/22T11:15:41+02:00",
      "2014/10/22 11:15:41-0530",
      // A space before the offset, a comma before the fraction, an offset on a date, lower-case z,
      // an hour-only offset: the reader's layouts that DuckDB's cast alone does not take.
      "2014-10-22 11:15:41 -0530",
      "2014-10-22 11:15:41 -05:30",
      "2014/10/22 11:15:41.000 +0200",
      "2014-10-22 11:15:41 Z",
      "2014-10-22T11:15:41 +02",
      "2014-10-22T11:15:41+02",
      "2014-10-22 11:15:41,5+01:00",
      "2014-10-22 11:15:41,25",
      "2014-10-22 -0530",
      "2014-10-22Z",
      "2014-10-22t11:15:41z",
      "2014-10-22 11:15:41z",
      "2014-10-22 11:15:41.000",
      "2014-10-22T11:15:41Z",
      "2014/10-22 11:15:41",
      "2021/02/30 10:00:00",
      "2021/13/01",
      "2014/10/22 24:00:00",
      "1413976541",
      "1413976541000",
      "1413976541123456",
      "1413976541123456789",
      "-1413976541",
      "99999999999999999999",
      "soon",
    ];
    expect(await sqlTimestamps(values)).toEqual(values.map((v) => parseTimestamp(v)));
  });

  it("reads nothing differently from parseTimestamp: other layouts are NULL (they take the streaming path)", async () => {
    const values = [
      "22.10.2014 11:15:41",
      "22/10/2014 11:15",
      "Wed, 22 Oct 2014 11:15:41 +0200",
      "2014-10-22 11:15:41 Europe/Berlin",
      "2014-10-22 03:15 PM",
    ];
    (await sqlTimestamps(values)).forEach((ts, i) => {
      if (ts !== null) expect(ts).toBe(parseTimestamp(values[i], "dmy"));
    });
  });
});
