import type { Command } from "commander";
import { checkNativeDocument, MAX_NATIVE_DOCUMENT_BYTES, type Problem } from "../../domain/index.ts";
import { ExitCode, printJson } from "../io.ts";
import { readBoundedFile } from "../read-bounded.ts";

/** Checks one file: its problems, or none. */
export function validateFile(file: string): Problem[] {
  const read = readBoundedFile(file, MAX_NATIVE_DOCUMENT_BYTES);
  if ("problem" in read) return [{ path: "(file)", message: read.problem }];
  const text = read.text;
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    return [{ path: "(root)", message: `not valid JSON: ${(e as Error).message}` }];
  }
  const r = checkNativeDocument(json);
  return r.ok ? [] : r.problems;
}

/** `wayline validate FILE…`: exit 0 when every file is valid, 1 otherwise; problems on stderr. */
export function registerValidate(program: Command): void {
  program
    .command("validate")
    .description("check *.wayline.json files; problems are printed with their JSON path")
    .argument("<files...>", "files to check")
    .option("--json", "print the results as JSON on stdout")
    .action((files: string[], o: { json?: boolean }) => {
      const results = files.map((file) => ({ file, problems: validateFile(file) }));
      if (o.json) printJson(results.map((r) => ({ ...r, valid: r.problems.length === 0 })));
      for (const r of results) {
        if (r.problems.length === 0) {
          if (!o.json) console.log(`${r.file}: valid`);
          continue;
        }
        for (const p of r.problems) console.error(`${r.file}: ${p.path}: ${p.message}`);
      }
      const bad = results.filter((r) => r.problems.length > 0).length;
      if (bad > 0) {
        console.error(`${bad} of ${files.length} file(s) invalid`);
        throw new ExitCode(1);
      }
    });
}
