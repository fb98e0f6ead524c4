/** Analysis of journey maps: emotion patterns, moments of truth, priorities, health, summary, comparison. */
export * from "./compare.ts";
export * from "./compare-cards.ts";
export * from "./compare-stages.ts";
export * from "./curve.ts";
export * from "./health/index.ts";
export * from "./moments.ts";
export * from "./patterns.ts";
export * from "./priority.ts";
export * from "./summary.ts";
export * from "./summary-format.ts";
export * from "./summary-html.ts";
export * from "./summary-markdown.ts";
export * from "./summary-types.ts";
export * from "./types.ts";
