import { type Kysely, sql } from "kysely";
import type { Dialect } from "../dialect.ts";

/** Kysely's own bookkeeping tables: not data (the header lists the migrations instead). */
const BOOKKEEPING = new Set(["kysely_migration", "kysely_migration_lock"]);

/** A data table of the instance: its columns and which of them are auto-incrementing. */
export interface TableInfo {
  name: string;
  columns: string[];
  /** Serial columns (PostgreSQL sequences to move past the restored ids). */
  serial: string[];
}

/** The tables each table references by foreign key. */
async function references(
  db: Kysely<unknown>,
  dialect: Dialect,
  tables: string[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (dialect === "sqlite") {
    for (const t of tables) {
      const r = await sql<{ table: string }>`select "table" from pragma_foreign_key_list(${t})`.execute(db);
      out.set(
        t,
        r.rows.map((x) => x.table),
      );
    }
    return out;
  }
  const r = await sql<{ child: string; parent: string }>`
    select tc.table_name as child, ccu.table_name as parent
    from information_schema.table_constraints tc
    join information_schema.constraint_column_usage ccu
      on ccu.constraint_name = tc.constraint_name and ccu.constraint_schema = tc.constraint_schema
    where tc.constraint_type = 'FOREIGN KEY' and tc.table_schema = current_schema()`.execute(db);
  for (const t of tables) out.set(t, []);
  for (const x of r.rows) out.get(x.child)?.push(x.parent);
  return out;
}

/**
 * The instance's data tables in foreign-key order (referenced tables first, then by name), read
 * from the database itself so tables added by later migrations are carried without a list here.
 */
export async function dataTables(db: Kysely<unknown>, dialect: Dialect): Promise<TableInfo[]> {
  const schema =
    dialect === "postgres"
      ? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s
      : undefined;
  const all = (await db.introspection.getTables()).filter(
    (t) => !t.isView && !BOOKKEEPING.has(t.name) && (schema === undefined || t.schema === schema),
  );
  const byName = new Map(all.map((t) => [t.name, t]));
  const refs = await references(db, dialect, [...byName.keys()]);
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (name: string) => {
    if (ordered.includes(name) || visiting.has(name) || !byName.has(name)) return;
    visiting.add(name);
    for (const parent of refs.get(name) ?? []) if (parent !== name) visit(parent);
    visiting.delete(name);
    ordered.push(name);
  };
  for (const name of [...byName.keys()].sort()) visit(name);
  return ordered.map((name) => {
    const t = byName.get(name);
    const columns = t?.columns ?? [];
    return {
      name,
      columns: columns.map((c) => c.name),
      serial: dialect === "postgres" ? columns.filter((c) => c.isAutoIncrementing).map((c) => c.name) : [],
    };
  });
}

/** Migrations applied, in order (empty for a database never migrated). */
export async function appliedMigrations(db: Kysely<unknown>): Promise<string[]> {
  try {
    const r = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
    return r.rows.map((x) => x.name);
  } catch {
    return [];
  }
}

/** Names of every table in the database's current schema, Kysely's own included. */
export async function schemaTableNames(db: Kysely<unknown>, dialect: Dialect): Promise<Set<string>> {
  const schema =
    dialect === "postgres"
      ? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s
      : undefined;
  const all = await db.introspection.getTables({ withInternalKyselyTables: true });
  return new Set(all.filter((t) => schema === undefined || t.schema === schema).map((t) => t.name));
}
