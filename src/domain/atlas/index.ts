/** The atlas: every journey of a workspace, personas × lifecycle phases. */
export * from "./atlas.ts";
export * from "./atlas-query.ts";
export * from "./lifecycle.ts";
