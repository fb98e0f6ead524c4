export * from "./anchor.ts";
export * from "./author.ts";
export * from "./comment-text.ts";
