import {
  ACTIVITY,
  CASE,
  type Connector,
  type ConnectorName,
  chooseConnector,
  TIMESTAMP,
} from "../../domain/connectors/index.ts";
import { WaylineError } from "../../domain/errors.ts";
import type { ColumnMapping, ImportReport } from "../model.ts";
import type { RawRow, RawSource } from "./raw.ts";

/** The standard columns a connector's rows use. */
export const CONNECTOR_MAPPING: ColumnMapping = { case: CASE, activity: ACTIVITY, timestamp: TIMESTAMP };

async function* mapped(
  first: RawRow[],
  rest: AsyncIterator<RawRow>,
  c: Connector,
  prepared: boolean,
): AsyncGenerator<RawRow> {
  let ready = prepared;
  const one = function* (row: RawRow): Generator<RawRow> {
    if (typeof row.values.__error === "string") {
      yield row;
      return;
    }
    if (!ready) {
      c.prepare?.(Object.keys(row.values));
      ready = true;
    }
    const out = c.read(row.values);
    if ("error" in out) {
      yield { line: row.line, values: { __error: `${c.label}: ${out.error}` } };
      return;
    }
    for (const values of out) yield { line: row.line, values };
  };
  for (const row of first) yield* one(row);
  for (;;) {
    const n = await rest.next();
    if (n.done) return;
    yield* one(n.value);
  }
}

/**
 * Puts a connector in front of a source: the one named, or (`auto`) the one whose detection
 * matches the header (CSV, Parquet) or the first record's keys (JSON). Returns the source as it
 * is for a plain log. `report.connector` says which was used.
 */
export async function connect(
  source: RawSource,
  wanted: "auto" | "none" | ConnectorName,
  report: ImportReport,
  shown: string,
): Promise<{ source: RawSource; connector?: Connector }> {
  if (wanted === "none") return { source };
  const it = source.rows[Symbol.asyncIterator]();
  const first: RawRow[] = [];
  let keys = source.headers;
  if (!keys) {
    // Peek at records until one is readable (an unreadable first line says nothing).
    for (let i = 0; i < 100; i++) {
      const n = await it.next();
      if (n.done) break;
      first.push(n.value);
      if (typeof n.value.values.__error !== "string") {
        keys = Object.keys(n.value.values);
        break;
      }
    }
  }
  const c = chooseConnector(keys ?? [], wanted);
  if (wanted !== "auto" && c && keys && !c.detect(keys))
    throw new WaylineError(
      "invalid_request",
      `${shown}: does not look like a ${c.label} (${c.exportedFrom}); its columns are: ${keys.slice(0, 30).join(", ")}`,
      { field: "connector" },
    );
  if (c && source.headers) c.prepare?.(source.headers);
  const rows = c
    ? mapped(first, it, c, source.headers !== undefined)
    : (async function* () {
        yield* first;
        for (;;) {
          const n = await it.next();
          if (n.done) return;
          yield n.value;
        }
      })();
  if (c) report.connector = { name: c.name, label: c.label };
  return { source: { rows }, ...(c ? { connector: c } : {}) };
}
