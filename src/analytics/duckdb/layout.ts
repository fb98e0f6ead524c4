import type { DuckDb } from "./connection.ts";

/**
 * Tables of a loaded log (layout 2):
 * - `events (case_id, activity, ts, attrs)` in input order, so `rowid` is the `seq` tie-breaker
 *   (rows are only ever appended, never deleted or updated, so rowids stay dense and stable);
 * - `variants (acts VARCHAR[], cnt)` — one row per distinct activity sequence, built when first
 *   needed (stats, variants);
 * - `ev` — events with `seq` and their 1-based position `pos` in the case, built when first needed
 *   (dfg, paths, funnel).
 * Layout 1 (before 2026-11) kept `ev` and `traces` only; `upgradeLayout` converts it on open.
 */

/**
 * The variants table: per case, activities sorted by (ts, seq) with `list_sort` over structs, and
 * the case's duration; per variant the case count and every case duration (`durs`), so `stats()`
 * needs this one pass over the events and no second grouping by case.
 */
const VARIANTS_SQL = `CREATE OR REPLACE TABLE variants AS SELECT acts, count(*) AS cnt, list(d) AS durs FROM (
  SELECT list_transform(list_sort(list({'t': ts, 's': rowid, 'a': activity})), x -> x.a) AS acts,
  max(ts) - min(ts) AS d FROM events GROUP BY case_id) GROUP BY acts`;

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

  /** Drops the derived tables (call before replacing `events`). */
  async reset(): Promise<void> {
    this.built.clear();
    await this.db.run("DROP TABLE IF EXISTS variants");
    await this.db.run("DROP TABLE IF EXISTS ev");
    await this.db.run("DROP TABLE IF EXISTS traces");
  }

  private async ensure(name: string, sql: string): Promise<void> {
    if (this.built.has(name)) return;
    if (!(await tableExists(this.db, name))) await this.db.run(sql);
    this.built.add(name);
  }

  /** Makes sure `variants` exists (with `durs`: files written before it get theirs rebuilt). */
  async variants(): Promise<void> {
    if (
      !this.built.has("variants") &&
      (await tableExists(this.db, "variants")) &&
      !(await columnExists(this.db, "variants", "durs"))
    )
      await this.db.run("DROP TABLE variants");
    return this.ensure("variants", VARIANTS_SQL);
  }

  /** Makes sure `ev` exists. */
  ev(): Promise<void> {
    return this.ensure("ev", EV_SQL);
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
