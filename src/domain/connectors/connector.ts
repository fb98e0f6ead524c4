/**
 * Connectors: the exports teams already have (product analytics, CRM, support tools), read as
 * event logs without editing the file. A connector recognises a file by its column names (or the
 * keys of its first JSON record) and turns each record into zero or more events in a standard
 * form; the shared importer then validates them like any log (located row errors, timestamps by
 * the same rules). Pure: no I/O. Guide: docs/guide/connectors.md.
 */

/** Standard columns a connector writes; every other key it returns is an attribute. */
export const CASE = "wayline:case";
export const ACTIVITY = "wayline:activity";
export const TIMESTAMP = "wayline:timestamp";

/** One event as a connector gives it (values as read; the importer validates them). */
export type ConnectorRow = Record<string, unknown>;

/** A connector's answer for one record: its events, or why the record cannot be read. */
export type ConnectorResult = ConnectorRow[] | { error: string };

export interface Connector {
  /** Stable name (`--connector NAME`, API `connector=`). */
  name: string;
  /** Shown in the UI and reports ("PostHog events export"). */
  label: string;
  /** Where the file comes from in the tool, for the guide and the UI. */
  exportedFrom: string;
  /** Whether a file with these column names (or first-record keys) is this tool's export. */
  detect(keys: readonly string[]): boolean;
  /** Columns of a wide export known only from the header (stage columns), set once before rows. */
  prepare?(keys: readonly string[]): void;
  /** Events of one record. */
  read(record: Record<string, unknown>): ConnectorResult;
}

/** Case- and spacing-insensitive key form: "Created at" = "created_at" = "CreatedAt". */
export const norm = (k: string) => k.toLowerCase().replace(/[\s_\-.]+/g, "");

/** Whether every name is among the keys (compared by `norm`). */
export function hasAll(keys: readonly string[], ...names: string[]): boolean {
  const set = new Set(keys.map(norm));
  return names.every((n) => set.has(norm(n)));
}

/** The value under the first of `names` present in `record` (compared by `norm`), else undefined. */
export function pick(record: Record<string, unknown>, ...names: string[]): unknown {
  const wanted = names.map(norm);
  for (const w of wanted)
    for (const [k, v] of Object.entries(record))
      if (norm(k) === w && v !== undefined && v !== null && v !== "") return v;
  return undefined;
}

/** A cell as text ("" for nothing). */
export function textOf(v: unknown): string {
  if (v === undefined || v === null) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "bigint") return String(v);
  return JSON.stringify(v);
}

/** A JSON object from a value that may be an object or JSON text (CSV exports quote JSON). */
export function objectOf(v: unknown): Record<string, unknown> | undefined {
  if (v && typeof v === "object" && !Array.isArray(v)) return v as Record<string, unknown>;
  if (typeof v === "string" && v.trim().startsWith("{")) {
    try {
      const o: unknown = JSON.parse(v);
      return o && typeof o === "object" && !Array.isArray(o) ? (o as Record<string, unknown>) : undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** Most attributes one record may contribute (a wide `properties` object is cut, not refused). */
export const MAX_ATTRIBUTES = 200;

/** Flat attributes `prefix + key` from an object (nested values as JSON text), at most MAX_ATTRIBUTES. */
export function flatten(
  o: Record<string, unknown> | undefined,
  prefix: string,
  into: ConnectorRow = {},
): ConnectorRow {
  if (!o) return into;
  let n = Object.keys(into).length;
  for (const [k, v] of Object.entries(o)) {
    if (n >= MAX_ATTRIBUTES) break;
    if (v === undefined || v === null || v === "") continue;
    into[`${prefix}${k}`] = textOf(v);
    n++;
  }
  return into;
}
