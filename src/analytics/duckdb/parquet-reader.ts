import { DuckDBInstance } from "@duckdb/node-api";
import { WaylineError } from "../../domain/errors.ts";
import type { RawRow, RawSource } from "../import/raw.ts";
import { duckDbOptions, duckDbResourcesFromEnv } from "./resources.ts";
import { sqlIdent, sqlString } from "./sql.ts";

async function* parquetRows(path: string): AsyncGenerator<RawRow> {
  const instance = await DuckDBInstance.create(":memory:", duckDbOptions(duckDbResourcesFromEnv()));
  const conn = await instance.connect();
  try {
    await conn.run("SET TimeZone = 'UTC'");
    const source = `read_parquet(${sqlString(path)}, file_row_number = true)`;
    // Nested columns (GA4's event_params, device …) as JSON text, so connectors can read them.
    const described = await conn.runAndReadAll(`DESCRIBE SELECT * FROM ${source}`);
    const columns = described.getRowObjectsJS().flatMap((r) => {
      const name = String(r.column_name);
      if (name === "file_row_number") return [];
      const nested = /STRUCT|MAP|\[\]|UNION/.test(String(r.column_type));
      return [`${nested ? `to_json(${sqlIdent(name)})` : sqlIdent(name)}::VARCHAR AS ${sqlIdent(name)}`];
    });
    const result = await conn.stream(`SELECT ${columns.join(", ")} FROM ${source} ORDER BY file_row_number`);
    let line = 0;
    for await (const rows of result.yieldRowObjectJs()) {
      for (const values of rows) {
        line++;
        yield { line, values };
      }
    }
  } catch (e) {
    throw new WaylineError("invalid_request", `${path}: cannot read Parquet: ${(e as Error).message}`);
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

/**
 * Streams a Parquet file through an in-memory DuckDB, every column as text (timestamps rendered
 * in UTC so the shared timestamp parser reads them), in file order.
 */
export function readParquet(path: string): RawSource {
  return { rows: parquetRows(path) };
}
