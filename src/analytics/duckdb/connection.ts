import { type DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { type DuckDbResources, duckDbOptions, duckDbResourcesFromEnv } from "./resources.ts";

/** A DuckDB database (file or in-memory) with one connection and row helpers. */
export class DuckDb {
  private constructor(
    private readonly instance: DuckDBInstance,
    /** The connection. */
    readonly conn: DuckDBConnection,
  ) {}

  /**
   * Opens `path` (":memory:" by default) with the session time zone set to UTC and explicit
   * memory and spill limits (resources.ts; from the environment unless given).
   */
  static async open(
    path = ":memory:",
    resources: DuckDbResources = duckDbResourcesFromEnv(),
  ): Promise<DuckDb> {
    const instance = await DuckDBInstance.create(path, duckDbOptions(resources));
    const conn = await instance.connect();
    await conn.run("SET TimeZone = 'UTC'");
    return new DuckDb(instance, conn);
  }

  /** Runs a statement. */
  async run(sql: string): Promise<void> {
    await this.conn.run(sql);
  }

  /** Runs a query; rows as plain objects (BIGINTs as numbers, lists as arrays). */
  async rows(sql: string): Promise<Record<string, unknown>[]> {
    const reader = await this.conn.runAndReadAll(sql);
    return reader.getRowObjectsJS().map((row) => {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(row)) out[k] = typeof v === "bigint" ? Number(v) : v;
      return out;
    });
  }

  /** Closes the connection and the database. */
  close(): void {
    this.conn.closeSync();
    this.instance.closeSync();
  }
}
