/** The map health check: a configurable linter of journey maps. */
export * from "./cards.ts";
export * from "./config.ts";
export * from "./dates.ts";
export * from "./rules-context.ts";
export * from "./rules-emotion.ts";
export * from "./rules-evidence.ts";
export * from "./rules-goal.ts";
export * from "./rules-ownership.ts";
export * from "./rules-personas.ts";
export * from "./rules-stages.ts";
export * from "./run.ts";
export * from "./types.ts";
