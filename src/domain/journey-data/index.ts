/** Data-driven journeys on the map: activity mapping, designed vs actual, surveys. Pure. */
export * from "./designed-vs-actual.ts";
export * from "./draft-map.ts";
export * from "./duration-results.ts";
export * from "./glob.ts";
export * from "./kpi-commands.ts";
export * from "./log-results.ts";
export * from "./match.ts";
export * from "./regex-engine.ts";
export * from "./stage-times.ts";
export * from "./statistics.ts";
export * from "./surveys.ts";
