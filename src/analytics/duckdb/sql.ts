/** Quotes a string literal for DuckDB SQL (standard SQL: single quotes doubled, backslash literal). */
export function sqlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** Quotes an identifier for DuckDB SQL. */
export function sqlIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** DuckDB expression reading attribute `key` from JSON `column` (`attrs` by default; '' when absent). */
export function attrExpr(key: string, column = "attrs"): string {
  const path = `$."${key.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
  return `coalesce(json_extract_string(${column}, ${sqlString(path)}), '')`;
}
