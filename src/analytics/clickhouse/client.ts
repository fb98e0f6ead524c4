import { randomBytes } from "node:crypto";
import type { Readable } from "node:stream";
import { type ClickHouseClient, ClickHouseLogLevel, createClient } from "@clickhouse/client";

/** Default URL probed when CLICKHOUSE_URL is not set (the one `scripts/ci/clickhouse.sh` starts). */
export const DEFAULT_CLICKHOUSE_URL = "http://127.0.0.1:18123";

/** The ClickHouse URL from the environment, or the default. */
export function clickhouseUrl(): string {
  return process.env.CLICKHOUSE_URL ?? DEFAULT_CLICKHOUSE_URL;
}

/** Quotes a string literal for ClickHouse SQL (backslash escapes). */
export function chString(value: string): string {
  return `'${value.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
}

/** True when a ClickHouse server answers at `url`. */
export async function probeClickHouse(url = clickhouseUrl()): Promise<boolean> {
  try {
    const res = await fetch(`${url}/?query=SELECT%201`, { signal: AbortSignal.timeout(2000) });
    return res.ok && (await res.text()).trim() === "1";
  } catch {
    return false;
  }
}

/** A ClickHouse connection with private, randomly named tables for one engine. */
export class ClickHouse {
  /** Prefix of this engine's tables (random unless a stored log names its own). */
  readonly prefix: string;
  private readonly client: ClickHouseClient;

  constructor(url = clickhouseUrl(), prefix?: string) {
    if (prefix !== undefined && !/^[A-Za-z_][A-Za-z0-9_]{0,60}$/.test(prefix))
      throw new Error(`invalid table prefix "${prefix}"`);
    this.prefix = prefix ?? `wl_${randomBytes(6).toString("hex")}`;
    // Errors are thrown to the caller; the client's own logger would print them a second time.
    this.client = createClient({
      url,
      request_timeout: 600_000,
      log: { level: ClickHouseLogLevel.OFF },
      clickhouse_settings: { send_progress_in_http_headers: 1, http_headers_progress_interval_ms: "10000" },
    });
  }

  /** This engine's table of a given role. */
  table(role: string): string {
    return `${this.prefix}_${role}`;
  }

  /** Runs a statement. */
  async run(sql: string): Promise<void> {
    await this.client.command({ query: sql });
  }

  /** Runs a query; rows as objects (64-bit integers arrive as strings: convert with Number). */
  async rows(sql: string): Promise<Record<string, unknown>[]> {
    const result = await this.client.query({ query: sql, format: "JSONEachRow" });
    return result.json<Record<string, unknown>>();
  }

  /**
   * Streams a query's rows (JSONEachRow; 18.16 has no compact variant), a few at a time as they
   * arrive: memory stays bounded by the HTTP chunk size, not the result size.
   */
  async *stream(sql: string): AsyncGenerator<Record<string, unknown>> {
    const result = await this.client.query({ query: sql, format: "JSONEachRow" });
    const rows = result.stream<Record<string, unknown>>();
    try {
      for await (const chunk of rows) for (const row of chunk) yield row.json();
    } finally {
      result.close();
    }
  }

  /** True when this engine's table of `role` exists. */
  async exists(role: string): Promise<boolean> {
    const [r] = await this.rows(`EXISTS TABLE ${this.table(role)}`);
    return Number(r?.result) === 1;
  }

  /**
   * Streams raw rows in one of ClickHouse's text formats (`TabSeparated`, `CSV`) into `table`:
   * one INSERT, memory bounded by the stream's buffer.
   */
  async insertStream(table: string, values: Readable, format: "TabSeparated" | "CSV"): Promise<void> {
    await this.client.insert({ table, values, format });
  }

  /** Drops this engine's tables of the given roles. */
  async drop(roles: readonly string[]): Promise<void> {
    for (const role of roles) await this.run(`DROP TABLE IF EXISTS ${this.table(role)}`);
  }

  /** Drops this engine's tables (unless `keep`) and closes the client. */
  async close(roles: readonly string[], keep = false): Promise<void> {
    if (!keep) await this.drop(roles);
    await this.client.close();
  }
}

/** ClickHouse expression: percentile p of a sorted array by linear interpolation (see percentile.ts). */
export function percentileSql(sorted: string, p: number): string {
  const h = `(${p} * (length(${sorted}) - 1))`;
  const lo = `toUInt64(floor(${h}))`;
  const a = `${sorted}[${lo} + 1]`;
  const b = `${sorted}[least(${lo} + 2, length(${sorted}))]`;
  return `if(length(${sorted}) = 0, 0, ${a} + (${h} - ${lo}) * (${b} - ${a}))`;
}
