import { createRequire } from "node:module";
import type { RegexCompiler } from "../../domain/journey-data/regex-engine.ts";

/** re2-wasm is CommonJS and loads its WebAssembly synchronously from disk on first require. */
const { RE2 } = createRequire(import.meta.url)("re2-wasm") as typeof import("re2-wasm");

/**
 * User regular expressions on Google's RE2 (linear time in the input, no catastrophic
 * backtracking): the engine of every rule the server and the CLI match. RE2 refuses
 * backreferences and lookaround (the compiler throws; the matcher then places nothing by that rule).
 */
export const re2Regex: RegexCompiler = (source, ignoreCase) => {
  const re = new RE2(source, ignoreCase ? "iu" : "u");
  return (text) => re.test(text);
};
