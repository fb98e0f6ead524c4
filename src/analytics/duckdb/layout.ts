import type { DuckDb } from "./connection.ts";
import { sqlString } from "./sql.ts";

/**
 * Tables of a loaded log (layout 3):
 * - `events (case_id, activity, ts, attrs)` in input order, so `rowid` is the `seq` tie-breaker
 *   (rows are only ever appended, never deleted or updated, so rowids stay dense and stable);
 * - `variants (vid, acts VARCHAR[], cnt, durs)` — one row per distinct activity sequence (`vid` =
 *   `hash(acts)`, checked distinct), built when first needed (stats, variants, paths);
 * - `traces (case_id, vid, tss BIGINT[])` — one row per case: its variant and its ordered
 *   timestamps, built when first needed (dfg, funnel) in the same pass as `variants` when neither
 *   exists; an append refreshes both for the cases it touched (`afterAppend`);
 * - `case_attrs (vid, tss, attrs, attrs_seq)` — `traces` plus each case's attributes, built when
 *   first needed (funnels broken down by an attribute): `attrs` when every event of the case has
 *   the same attribute JSON (the usual case: channel, segment), else NULL and `attrs_seq` lists
 *   them in the case's order, so the value at any position is exact;
 * - `ev` — events with `seq` and their 1-based position `pos` in the case, built when first needed
 *   (stage durations);
 * - `answers (question, answer)` — answers without parameters (stats, dfg) as JSON, kept until
 *   the events change.
 * Every derived table is dropped when events are replaced (`reset`). Layout 2 (no
 * `vid`, no `traces`) gets its variants rebuilt on first use; layout 1 (before 2026-11) kept `ev`
 * and `traces` only, and `upgradeLayout` converts it on open.
 */

/**
 * The variants table: per case, activities sorted by (ts, seq) with `list_sort` over structs, and
 * the case's duration; per variant the case count and every case duration (`durs`), so `stats()`
 * needs this one pass over the events and no second grouping by case. Activities travel through
 * the sort and the grouping as the ENUM `wayline_activity` (the log's distinct activities: a small
 * integer each instead of a string, about a quarter less time at 1 M events) and come back as
 * VARCHAR per variant; the sort key (ts, rowid) is unique in a case, so the order is unchanged.
 */
const ACTIVITY_ENUM_SQL = [
  "DROP TYPE IF EXISTS wayline_activity",
  "CREATE TYPE wayline_activity AS ENUM (SELECT DISTINCT activity FROM events WHERE activity IS NOT NULL)",
];
const VARIANTS_SQL = `CREATE OR REPLACE TABLE variants AS SELECT hash(acts) AS vid, acts, cnt, durs FROM (
  SELECT k::VARCHAR[] AS acts, cnt, durs FROM (SELECT k, count(*) AS cnt, list(d) AS durs FROM (
  SELECT list_transform(list_sort(list({'t': ts, 's': rowid, 'a': activity::wayline_activity})), x -> x.a) AS k,
  max(ts) - min(ts) AS d FROM events GROUP BY case_id) GROUP BY k))`;

/**
 * Each case's ordered activities (the ENUM `wayline_activity`, see `VARIANTS_SQL`) and timestamps,
 * then one row per distinct sequence with its `vid`, for building `variants` and `traces` in one pass.
 */
const CASE_KEYS_SQL = [
  `CREATE OR REPLACE TEMP TABLE case_seq AS SELECT case_id, list_transform(s, x -> x.a) AS k,
  list_transform(s, x -> x.t) AS tss FROM (
  SELECT case_id, list_sort(list({'t': ts, 's': rowid, 'a': activity::wayline_activity})) AS s FROM events GROUP BY case_id)`,
  `CREATE OR REPLACE TEMP TABLE variant_keys AS SELECT k, hash(k::VARCHAR[]) AS vid, k::VARCHAR[] AS acts,
  count(*) AS cnt, list(tss[-1] - tss[1]) AS durs FROM case_seq GROUP BY k`,
];

const VARIANTS_FROM_KEYS_SQL =
  "CREATE OR REPLACE TABLE variants AS SELECT vid, acts, cnt, durs FROM variant_keys";

const TRACES_FROM_KEYS_SQL = `CREATE OR REPLACE TABLE traces AS SELECT c.case_id, v.vid, c.tss
  FROM case_seq c JOIN variant_keys v ON v.k = c.k`;

/** The cases an append touched (`WHERE` on `events`), with VARCHAR activities, for `REFRESH_SQL`. */
const casesSql = (where: string) => `CREATE OR REPLACE TEMP TABLE case_seq AS SELECT case_id,
  list_transform(s, x -> x.a) AS acts, list_transform(s, x -> x.t) AS tss FROM (
  SELECT case_id, list_sort(list({'t': ts, 's': rowid, 'a': activity})) AS s FROM events ${where} GROUP BY case_id)`;

/**
 * After an append, for the cases it touched only (`touched`, read into `case_seq` anew from
 * `events`): their `traces` rows replaced, new variants added, and the count and durations of
 * every variant a touched case left or joined recounted from `traces` (variants left by every
 * case dropped). Untouched cases keep their rows: their events did not change.
 */
const REFRESH_SQL = [
  `CREATE OR REPLACE TEMP TABLE affected AS SELECT DISTINCT vid FROM traces WHERE case_id IN (SELECT case_id FROM touched)
    UNION SELECT DISTINCT hash(acts) FROM case_seq`,
  "DELETE FROM traces WHERE case_id IN (SELECT case_id FROM touched)",
  "INSERT INTO traces SELECT case_id, hash(acts), tss FROM case_seq",
  `INSERT INTO variants SELECT hash(acts), acts, 0, []::BIGINT[] FROM (SELECT DISTINCT acts FROM case_seq)
    WHERE hash(acts) NOT IN (SELECT vid FROM variants)`,
  `CREATE OR REPLACE TEMP TABLE recount AS SELECT vid, count(*) AS cnt, list(tss[-1] - tss[1]) AS durs
    FROM traces WHERE vid IN (SELECT vid FROM affected) GROUP BY vid`,
  "UPDATE variants SET cnt = r.cnt, durs = r.durs FROM recount r WHERE variants.vid = r.vid",
  "DELETE FROM variants WHERE vid IN (SELECT vid FROM affected) AND vid NOT IN (SELECT vid FROM recount)",
];

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

/**
 * `case_attrs` from `traces` (same rows) and one grouping of `events` by case with min/max of the
 * attribute JSON (no sorting); only the cases whose events differ get their attributes listed in
 * the case's order, by a second grouping over just their events.
 */
const CASE_ATTRS_SQL = [
  `CREATE OR REPLACE TEMP TABLE case_one AS SELECT case_id, min(attrs) AS one,
    count(attrs) = 0 OR (count(attrs) = count(*) AND min(attrs) = max(attrs)) AS same FROM events GROUP BY case_id`,
  `CREATE OR REPLACE TEMP TABLE case_seq_attrs AS SELECT case_id,
    list_transform(list_sort(list({'t': ts, 's': rowid, 'j': attrs})), x -> x.j) AS attrs_seq
    FROM events WHERE case_id IN (SELECT case_id FROM case_one WHERE NOT same) GROUP BY case_id`,
  `CREATE OR REPLACE TABLE case_attrs AS SELECT t.vid, t.tss, CASE WHEN o.same THEN o.one END AS attrs, q.attrs_seq
    FROM traces t JOIN case_one o ON o.case_id = t.case_id LEFT JOIN case_seq_attrs q ON q.case_id = t.case_id`,
];

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
    for (const t of ["variants", "ev", "traces", "case_attrs", "answers"])
      await this.db.run(`DROP TABLE IF EXISTS ${t}`);
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
      try {
        for (const sql of ACTIVITY_ENUM_SQL) await this.db.run(sql);
        await this.db.run(VARIANTS_SQL);
      } finally {
        await this.db.run("DROP TYPE IF EXISTS wayline_activity");
      }
      await this.checkVids();
    }
    this.built.add("variants");
  }

  /** Makes sure `traces` (and `variants`) exist, from one grouping of the events when both are missing. */
  async traces(): Promise<void> {
    if (this.built.has("traces")) return;
    await this.dropOutdated("traces", "vid");
    await this.dropOutdated("traces", "case_id");
    await this.dropOutdated("variants", "vid");
    if (!(await tableExists(this.db, "traces"))) {
      try {
        for (const sql of [...ACTIVITY_ENUM_SQL, ...CASE_KEYS_SQL]) await this.db.run(sql);
        if (!(await tableExists(this.db, "variants"))) {
          await this.db.run(VARIANTS_FROM_KEYS_SQL);
          await this.checkVids();
        }
        await this.db.run(TRACES_FROM_KEYS_SQL);
      } finally {
        for (const t of ["case_seq", "variant_keys"]) await this.db.run(`DROP TABLE IF EXISTS ${t}`);
        await this.db.run("DROP TYPE IF EXISTS wayline_activity");
      }
    }
    this.built.add("traces");
    await this.variants();
  }

  /**
   * Brings the derived tables up to date after events were appended from rowid `first` on:
   * `traces` and `variants` (when both are held) are refreshed for the touched cases only
   * (`REFRESH_SQL`), the other tables and the kept answers are dropped (rebuilt on next use: the
   * answers from the small tables). Without `traces` + `variants`, or on any failure, every
   * derived table is dropped, as before.
   */
  async afterAppend(first: number): Promise<void> {
    if (!Number.isSafeInteger(first)) throw new Error(`invalid rowid ${first}`);
    const incremental =
      (await tableExists(this.db, "traces")) &&
      (await tableExists(this.db, "variants")) &&
      (await columnExists(this.db, "traces", "case_id")) &&
      (await columnExists(this.db, "variants", "vid")) &&
      (await columnExists(this.db, "variants", "durs"));
    if (!incremental) return this.reset();
    try {
      await this.db.run("BEGIN TRANSACTION");
      await this.db.run(
        `CREATE OR REPLACE TEMP TABLE touched AS SELECT DISTINCT case_id FROM events WHERE rowid >= ${first}`,
      );
      await this.db.run(casesSql("WHERE case_id IN (SELECT case_id FROM touched)"));
      const [clash] = await this.db.rows(
        "SELECT count(*) AS n FROM case_seq c JOIN variants v ON v.vid = hash(c.acts) WHERE v.acts <> c.acts",
      );
      if (Number(clash?.n) > 0) throw new Error("a new variant has the hash of another");
      for (const sql of REFRESH_SQL) await this.db.run(sql);
      await this.checkVids();
      for (const t of ["ev", "case_attrs", "answers"]) await this.db.run(`DROP TABLE IF EXISTS ${t}`);
      await this.db.run("COMMIT");
      for (const t of ["ev", "case_attrs", "answers"]) this.built.delete(t);
    } catch {
      await this.db.run("ROLLBACK").catch(() => {});
      await this.reset();
    } finally {
      for (const t of ["touched", "case_seq", "affected", "recount"])
        await this.db.run(`DROP TABLE IF EXISTS ${t}`);
    }
  }

  /** Makes sure `case_attrs` (and `traces`, `variants`) exist. */
  async caseAttrs(): Promise<void> {
    await this.traces();
    if (this.built.has("case_attrs")) return;
    if (!(await tableExists(this.db, "case_attrs")))
      try {
        for (const sql of CASE_ATTRS_SQL) await this.db.run(sql);
      } finally {
        for (const t of ["case_one", "case_seq_attrs"]) await this.db.run(`DROP TABLE IF EXISTS ${t}`);
      }
    this.built.add("case_attrs");
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
