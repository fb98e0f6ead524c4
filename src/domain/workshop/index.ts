/** Workshop mode (pure): timer, agenda, dot votes, parking lot, and what a vote leaves on the map. */
export * from "./agenda.ts";
export * from "./limits.ts";
export * from "./parking-lot.ts";
export * from "./results.ts";
export * from "./session.ts";
export * from "./timer.ts";
export * from "./voting.ts";
