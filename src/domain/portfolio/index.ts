/** Across maps: the needs-attention list (and, next, portfolio and atlas). */
export * from "./attention.ts";
export * from "./attention-schema.ts";
export * from "./kpis.ts";
export * from "./overdue.ts";
export * from "./portfolio.ts";
export * from "./portfolio-bulk.ts";
export * from "./portfolio-query.ts";
export * from "./similarity.ts";
export * from "./tracker-csv.ts";
