/** Journey hierarchy (stages zooming into sub-journeys) and the per-map figures rolled up across maps. */

export * from "./build-hierarchy.ts";
export * from "./conversion.ts";
export * from "./graph.ts";
export * from "./hierarchy-report.ts";
export * from "./map-figures.ts";
