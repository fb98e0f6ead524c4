/** Journey hierarchy (stages zooming into sub-journeys) and the per-map figures rolled up across maps. */
export * from "./graph.ts";
export * from "./map-figures.ts";
