import type { DuckDb } from "./connection.ts";
import { sqlString } from "./sql.ts";

/**
 * Tables of a loaded log (layout 3):
 * - `events (case_id, activity, ts, attrs)` in input order, so `rowid` is the `seq` tie-breaker
 *   (rows are only ever appended, never deleted or updated, so rowids stay dense and stable);
 * - `variants (vid, acts VARCHAR[], cnt, durs)` — one row per distinct activity sequence (`vid` =
 *   `hash(acts)`, checked distinct), built when first needed (stats, variants, paths);
 * - `traces (vid, tss BIGINT[])` — one row per case: its variant and its ordered timestamps, built
 *   when first needed (dfg, funnel) in the same pass as `variants` when neither exists;
 * - `ev` — events with `seq` and their 1-based position `pos` in the case, built when first needed
 *   (funnels broken down by an attribute);
 * - `answers (question, answer)` — answers without parameters (stats, dfg) as JSON, kept until
 *   the events change.
 * Every derived table is dropped when events are replaced or appended (`reset`). Layout 2 (no
 * `vid`, no `traces`) gets its variants rebuilt on first use; layout 1 (before 2026-11) kept `ev`
 * and `traces` only, and `upgradeLayout` converts it on open.
 */

/**
 * The variants table: per case, activities sorted by (ts, seq) with `list_sort` over structs, and
 * the case's duration; per variant the case count and every case duration (`durs`), so `stats()`
 * needs this one pass over the events and no second grouping by case.
 */
const VARIANTS_SQL = `CREATE OR REPLACE TABLE variants AS SELECT hash(acts) AS vid, acts, cnt, durs FROM (
  SELECT acts, count(*) AS cnt, list(d) AS durs FROM (
  SELECT list_transform(list_sort(list({'t': ts, 's': rowid, 'a': activity})), x -> x.a) AS acts,
  max(ts) - min(ts) AS d FROM events GROUP BY case_id) GROUP BY acts)`;

/** Each case's ordered activities and timestamps, for building `variants` and `traces` in one pass. */
const CASES_SQL = `CREATE OR REPLACE TEMP TABLE case_seq AS SELECT list_transform(s, x -> x.a) AS acts,
  list_transform(s, x -> x.t) AS tss FROM (
  SELECT list_sort(list({'t': ts, 's': rowid, 'a': activity})) AS s FROM events GROUP BY case_id)`;

const VARIANTS_FROM_CASES_SQL = `CREATE OR REPLACE TABLE variants AS SELECT hash(acts) AS vid, acts, count(*) AS cnt,
  list(tss[-1] - tss[1]) AS durs FROM case_seq GROUP BY acts`;

const TRACES_FROM_CASES_SQL = "CREATE OR REPLACE TABLE traces AS SELECT hash(acts) AS vid, tss FROM case_seq";

/**
 * The variants of the log as it was at `before` (epoch ms, exclusive), as a subquery with the
 * variants table's columns: computed per call from `events` (the cached table holds every event).
 */
export function variantsBeforeSql(before: number): string {
  if (!Number.isSafeInteger(before)) throw new Error(`invalid instant ${before}`);
  return `(SELECT acts, count(*) AS cnt FROM (
  SELECT list_transform(list_sort(list({'t': ts, 's': rowid, 'a': activity})), x -> x.a) AS acts
  FROM events WHERE ts < ${before} GROUP BY case_id) GROUP BY acts)`;
}

const EV_SQL = `CREATE OR REPLACE TABLE ev AS SELECT case_id, activity, ts, rowid AS seq, attrs,
  row_number() OVER (PARTITION BY case_id ORDER BY ts, rowid) AS pos FROM events`;

async function columnExists(db: DuckDb, table: string, column: string): Promise<boolean> {
  const rows = await db.rows(
    `SELECT 1 FROM duckdb_columns() WHERE schema_name = 'main' AND table_name = '${table}' AND column_name = '${column}'`,
  );
  return rows.length > 0;
}

async function tableExists(db: DuckDb, name: string): Promise<boolean> {
  const rows = await db.rows(
    `SELECT 1 FROM duckdb_tables() WHERE schema_name = 'main' AND table_name = '${name}'`,
  );
  return rows.length > 0;
}

/** Derived tables built on demand; forget them whenever `events` is replaced. */
export class DerivedTables {
  private built = new Set<string>();

  constructor(private readonly db: DuckDb) {}

  /** Drops the derived tables (call before replacing or appending to `events`). */
  async reset(): Promise<void> {
    this.built.clear();
    for (const t of ["variants", "ev", "traces", "answers"]) await this.db.run(`DROP TABLE IF EXISTS ${t}`);
  }

  private async ensure(name: string, sql: string): Promise<void> {
    if (this.built.has(name)) return;
    if (!(await tableExists(this.db, name))) await this.db.run(sql);
    this.built.add(name);
  }

  /** Drops `table` when it lacks a column of this layout (a file written by an older version). */
  private async dropOutdated(table: string, column: string): Promise<void> {
    if (
      !this.built.has(table) &&
      (await tableExists(this.db, table)) &&
      !(await columnExists(this.db, table, column))
    )
      await this.db.run(`DROP TABLE ${table}`);
  }

  /** Fails when two variants share a `vid` (a 64-bit hash collision: never seen, but checked). */
  private async checkVids(): Promise<void> {
    const [c] = await this.db.rows("SELECT count(*) - count(DISTINCT vid) AS clashes FROM variants");
    if (Number(c?.clashes) > 0)
      throw new Error("two variants of this log have the same hash; rebuild is impossible");
  }

  /** Makes sure `variants` exists (files written before `durs`/`vid` get theirs rebuilt). */
  async variants(): Promise<void> {
    if (this.built.has("variants")) return;
    await this.dropOutdated("variants", "durs");
    await this.dropOutdated("variants", "vid");
    if (!(await tableExists(this.db, "variants"))) {
      await this.db.run(VARIANTS_SQL);
      await this.checkVids();
    }
    this.built.add("variants");
  }

  /** Makes sure `traces` (and `variants`) exist, from one grouping of the events when both are missing. */
  async traces(): Promise<void> {
    if (this.built.has("traces")) return;
    await this.dropOutdated("traces", "vid");
    await this.dropOutdated("variants", "vid");
    if (!(await tableExists(this.db, "traces"))) {
      await this.db.run(CASES_SQL);
      try {
        if (!(await tableExists(this.db, "variants"))) {
          await this.db.run(VARIANTS_FROM_CASES_SQL);
          await this.checkVids();
        }
        await this.db.run(TRACES_FROM_CASES_SQL);
      } finally {
        await this.db.run("DROP TABLE IF EXISTS case_seq");
      }
    }
    this.built.add("traces");
    await this.variants();
  }

  /** Makes sure `ev` exists. */
  ev(): Promise<void> {
    return this.ensure("ev", EV_SQL);
  }

  /** The cached answer to `question`, or `compute`'s (stored for next time). */
  async answer<T>(question: string, compute: () => Promise<T>): Promise<T> {
    if (!this.built.has("answers")) {
      await this.db.run("CREATE TABLE IF NOT EXISTS answers (question VARCHAR PRIMARY KEY, answer VARCHAR)");
      this.built.add("answers");
    }
    const [hit] = await this.db.rows(`SELECT answer FROM answers WHERE question = ${sqlString(question)}`);
    if (hit) return JSON.parse(String(hit.answer)) as T;
    const value = await compute();
    await this.db.run(
      `INSERT OR REPLACE INTO answers VALUES (${sqlString(question)}, ${sqlString(JSON.stringify(value))})`,
    );
    return value;
  }

  /**
   * Converts a layout-1 database (`ev` + `traces`, no `events`) in place: `events` is rebuilt from
   * `ev` in `seq` order (an ORDER BY in CTAS keeps its order with preserve_insertion_order), and
   * `ev` is kept: it has the layout-2 columns, and its `seq` orders each case as `events.rowid` does.
   */
  async upgradeLayout(): Promise<void> {
    if ((await tableExists(this.db, "events")) || !(await tableExists(this.db, "ev"))) return;
    await this.db.run("CREATE TABLE events AS SELECT case_id, activity, ts, attrs FROM ev ORDER BY seq");
    await this.db.run("DROP TABLE IF EXISTS traces");
  }
}
