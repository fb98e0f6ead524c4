import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { checkNativeDocument, MAX_NATIVE_DOCUMENT_BYTES, type Problem } from "../../domain/index.ts";
import { ExitCode, printJson } from "../io.ts";

/** Checks one file: its problems, or none. */
export function validateFile(file: string): Problem[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    return [
      {
        path: "(file)",
        message: `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
      },
    ];
  }
  if (text.length > MAX_NATIVE_DOCUMENT_BYTES)
    return [{ path: "(file)", message: `larger than ${MAX_NATIVE_DOCUMENT_BYTES} bytes` }];
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
