/**
 * How user regular expressions are compiled: `(source, ignoreCase) => test`. The domain stays free
 * of engines; the server and the CLI pass the linear-time RE2 engine (`services/re2-regex.ts`), so
 * no rule can stall them. Throws when the pattern cannot be compiled.
 */
export type RegexCompiler = (source: string, ignoreCase: boolean) => (text: string) => boolean;

/**
 * The JavaScript engine (backtracking: a hostile pattern can take exponential time). Only for code
 * that runs in the rule author's own browser tab under a time budget (the rule preview worker) and
 * for tests; never on the server.
 */
export const nativeRegex: RegexCompiler = (source, ignoreCase) => {
  const re = new RegExp(source, ignoreCase ? "i" : "");
  return (text) => re.test(text);
};

/**
 * Constructs RE2 does not have (backreferences, lookaround): refused in every rule so that the
 * browser preview and the server agree on which patterns are valid. Null when none is used.
 */
export function unsupportedRegexConstruct(source: string): string | null {
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") {
      const n = source[i + 1] ?? "";
      if (/[1-9]/.test(n)) return "backreferences (\\1 …) are not supported";
      if (n === "k" && source[i + 2] === "<") return "named backreferences (\\k<…>) are not supported";
      i++;
      continue;
    }
    if (c === "(" && source[i + 1] === "?") {
      const rest = source.slice(i + 2, i + 4);
      if (rest.startsWith("=") || rest.startsWith("!") || rest === "<=" || rest === "<!")
        return "lookahead and lookbehind ((?=…), (?!…), (?<=…), (?<!…)) are not supported";
    }
  }
  return null;
}
