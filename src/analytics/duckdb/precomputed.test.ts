import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { FunnelQuery } from "../engine.ts";
import type { LogEvent } from "../model.ts";
import { ReferenceEngine } from "../reference/reference-engine.ts";
import { expectSameAnswer } from "../testing/approx.ts";
import { randomLog, rng } from "../testing/random-log.ts";
import { DuckDb } from "./connection.ts";
import { DuckDbEngine } from "./duckdb-engine.ts";

const dir = mkdtempSync(join(tmpdir(), "wayline-duckdb-pre-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ACTS = ["A", "B", "C", "D", "É"];

/** Funnels without a breakdown (answered from variants + traces) in every mode, with and without a window. */
function funnels(seed: number): FunnelQuery[] {
  const r = rng(seed * 13 + 5);
  const steps = Array.from({ length: 2 + Math.floor(r() * 4) }, () => ACTS[Math.floor(r() * 4)] as string);
  return (["sequential", "strict", "any"] as const).flatMap((mode) => [
    { steps, mode, bins: 1 + Math.floor(r() * 4) },
    { steps, mode, windowMs: (1 + Math.floor(r() * 4)) * 3_600_000 },
  ]);
}

/**
 * Funnels broken down by `channel` (answered from `case_attrs`) on a random log where some cases
 * keep one channel on every event (their `attrs` set) and the others vary per event (`attrs_seq`).
 */
function byLog(seed: number): { events: LogEvent[]; queries: FunnelQuery[] } {
  const r = rng(seed * 7 + 3);
  const steady = new Set(["c0", "c2", "c4", "c6"].filter(() => r() < 0.7));
  const events = randomLog(seed).map((e) =>
    steady.has(e.caseId) ? { ...e, attrs: seed % 5 === 0 ? {} : { channel: `ch-${e.caseId}` } } : e,
  );
  return { events, queries: funnels(seed).map((q) => ({ ...q, by: "channel" })) };
}

describe("DuckDB answers from the per-variant and per-case tables", () => {
  it("answers funnels broken down by an attribute like the reference on 60 random logs", async () => {
    const duck = await DuckDbEngine.open();
    const oracle = new ReferenceEngine();
    for (let seed = 1; seed <= 60; seed++) {
      const { events, queries } = byLog(seed);
      await duck.load({ events });
      await oracle.load({ events });
      for (const q of queries)
        expectSameAnswer({ seed, q, f: await duck.funnel(q) }, { seed, q, f: await oracle.funnel(q) });
    }
    await duck.close();
  }, 120_000);

  it("answers funnels, paths and the DFG like the reference on 60 random logs", async () => {
    const duck = await DuckDbEngine.open();
    const oracle = new ReferenceEngine();
    for (let seed = 1; seed <= 60; seed++) {
      const events = randomLog(seed);
      await duck.load({ events });
      await oracle.load({ events });
      for (const q of funnels(seed))
        expectSameAnswer({ seed, q, f: await duck.funnel(q) }, { seed, q, f: await oracle.funnel(q) });
      const anchor = ACTS[seed % 4] as string;
      for (const p of [
        { from: anchor, depth: 1 + (seed % 3), top: 3 },
        { to: anchor, depth: 1 + (seed % 4), top: 2 },
      ])
        expectSameAnswer({ seed, p, r: await duck.paths(p) }, { seed, p, r: await oracle.paths(p) });
      expectSameAnswer({ seed, dfg: await duck.dfg() }, { seed, dfg: await oracle.dfg() });
    }
    await duck.close();
  }, 120_000);

  it("keeps stats and the DFG in the database file and forgets them when events are appended", async () => {
    const path = join(dir, "kept.duckdb");
    const events = randomLog(3);
    const duck = await DuckDbEngine.open(path);
    await duck.load({ events });
    const stats = await duck.stats();
    const dfg = await duck.dfg();
    await duck.close();

    const db = await DuckDb.open(path);
    const kept = await db.rows("SELECT question FROM answers ORDER BY question");
    db.close();
    expect(kept.map((r) => r.question)).toEqual(["dfg", "stats"]);

    const again = await DuckDbEngine.open(path);
    expect(await again.stats()).toEqual(stats);
    expect(await again.dfg()).toEqual(dfg);
    const late = { caseId: "late", activity: "Z", timestamp: 1_800_000_000_000, seq: 0, attrs: {} };
    await again.append([late, { ...late, activity: "Y", timestamp: late.timestamp + 1 }]);
    const oracle = new ReferenceEngine();
    await oracle.load({
      events: [
        ...events,
        { ...late, seq: events.length },
        { ...late, activity: "Y", timestamp: late.timestamp + 1, seq: events.length + 1 },
      ],
    });
    expectSameAnswer(await again.stats(), await oracle.stats());
    expectSameAnswer(await again.dfg(), await oracle.dfg());
    await again.close();
  });

  it("refreshes traces and variants for the touched cases on append, like the reference on 40 random logs", async () => {
    const path = join(dir, "append.duckdb");
    for (let seed = 1; seed <= 40; seed++) {
      const r = rng(seed * 31 + 1);
      // Appended events: some to cases already held, some to new cases, in one to three batches.
      const all = [
        ...randomLog(seed),
        ...randomLog(seed + 1000).map((e) => ({ ...e, caseId: `${e.caseId}${r() < 0.5 ? "" : "n"}` })),
      ].map((e, seq) => ({ ...e, seq }));
      const cut = 1 + Math.floor(r() * (all.length - 1));
      const duck = await DuckDbEngine.open(path);
      await duck.load({ events: all.slice(0, cut) });
      await duck.dfg();
      await duck.stats();
      const batches = 1 + Math.floor(r() * 3);
      const size = Math.ceil((all.length - cut) / batches);
      for (let at = cut; at < all.length; at += size) await duck.append(all.slice(at, at + size));
      await duck.close();
      // The per-case tables were refreshed in the file, not dropped: the next questions read them.
      const db = await DuckDb.open(path);
      const tables = await db.rows("SELECT table_name FROM duckdb_tables() ORDER BY 1");
      db.close();
      expect({ seed, tables: tables.map((t) => t.table_name) }).toEqual({
        seed,
        tables: ["events", "traces", "variants"],
      });
      const again = await DuckDbEngine.open(path);
      const oracle = new ReferenceEngine();
      await oracle.load({ events: all });
      const ask = async (e: DuckDbEngine | ReferenceEngine) => ({
        seed,
        stats: await e.stats(),
        variants: await e.variants({ top: 5 }),
        dfg: await e.dfg(),
        paths: await e.paths({ from: "A", depth: 2, top: 3 }),
        funnels: await funnels(seed).reduce(
          async (acc, q) => [...(await acc), await e.funnel(q)],
          Promise.resolve([] as unknown[]),
        ),
        by: await e.funnel({ steps: ["A", "B"], by: "channel" }),
      });
      expectSameAnswer(await ask(again), await ask(oracle));
      await again.drop();
      await again.close();
    }
  }, 120_000);

  it("rebuilds a layout-2 variants table (no vid) before answering", async () => {
    const path = join(dir, "layout2.duckdb");
    const events = randomLog(9);
    const duck = await DuckDbEngine.open(path);
    await duck.load({ events });
    await duck.close();
    const db = await DuckDb.open(path);
    await db.run(`CREATE TABLE variants AS SELECT acts, count(*) AS cnt, list(d) AS durs FROM (
      SELECT list_transform(list_sort(list({'t': ts, 's': rowid, 'a': activity})), x -> x.a) AS acts,
      max(ts) - min(ts) AS d FROM events GROUP BY case_id) GROUP BY acts`);
    db.close();
    const old = await DuckDbEngine.open(path);
    const oracle = new ReferenceEngine();
    await oracle.load({ events });
    const q = { steps: ["A", "B"], mode: "sequential" as const };
    expectSameAnswer(await old.funnel(q), await oracle.funnel(q));
    expectSameAnswer(await old.paths({ from: "A" }), await oracle.paths({ from: "A" }));
    await old.close();
  });
});
