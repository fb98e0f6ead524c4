/** Quotes a string literal for DuckDB SQL (standard SQL: single quotes doubled, backslash literal). */
export function sqlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** Quotes an identifier for DuckDB SQL. */
export function sqlIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** DuckDB expression reading attribute `key` from the JSON `attrs` column ('' when absent). */
export function attrExpr(key: string): string {
  const path = `$."${key.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
  return `coalesce(json_extract_string(attrs, ${sqlString(path)}), '')`;
}
