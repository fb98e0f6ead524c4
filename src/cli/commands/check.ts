import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { Command } from "commander";
import {
  type HealthConfig,
  HealthConfigSchema,
  type HealthReport,
  runHealthCheck,
} from "../../domain/analysis/index.ts";
import { invalid, parseNativeText, problemsFromIssues, WaylineError } from "../../domain/index.ts";
import { EXIT, ExitCode, printJson } from "../io.ts";
import { readTextFile } from "../read-bounded.ts";

/** Name of the health-check config file looked up next to the maps. */
export const RC_FILE = ".waylinerc.json";

/** Nearest `.waylinerc.json` from `dir` upwards, or null. */
export function findRcFile(dir: string): string | null {
  let cur = resolve(dir);
  for (;;) {
    const candidate = join(cur, RC_FILE);
    if (existsSync(candidate)) return candidate;
    const up = dirname(cur);
    if (up === cur) return null;
    cur = up;
  }
}

/** Reads and validates a health config file; problems name the file and the key. */
export function loadHealthConfig(file: string): HealthConfig {
  let json: unknown;
  try {
    json = JSON.parse(readTextFile(file));
  } catch (e) {
    throw new WaylineError("invalid_request", `${file}: ${(e as Error).message}`);
  }
  const r = HealthConfigSchema.safeParse(json);
  if (!r.success)
    throw invalid(
      "invalid_request",
      `${file}: invalid health-check config`,
      problemsFromIssues(r.error.issues),
    );
  return r.data;
}

interface FileResult {
  file: string;
  config: string | null;
  report?: HealthReport;
  problems?: { path: string; message: string }[];
}

function checkFile(file: string, configPath: string | undefined, today: string): FileResult {
  const rc = configPath ?? findRcFile(dirname(file));
  const config = rc ? loadHealthConfig(rc) : undefined;
  try {
    const doc = parseNativeText(readTextFile(file));
    return { file, config: rc, report: runHealthCheck(doc.map, config, { today }) };
  } catch (e) {
    if (e instanceof WaylineError)
      return {
        file,
        config: rc,
        problems: (e.details?.problems as FileResult["problems"]) ?? [{ path: "(file)", message: e.message }],
      };
    return {
      file,
      config: rc,
      problems: [{ path: "(file)", message: `cannot read: ${(e as NodeJS.ErrnoException).code ?? e}` }],
    };
  }
}

function printHuman(results: readonly FileResult[]): void {
  for (const r of results) {
    if (r.problems) {
      console.log(`${r.file}\n  error  invalid map file`);
      for (const p of r.problems) console.log(`         ${p.path}: ${p.message}`);
      continue;
    }
    const rep = r.report as HealthReport;
    console.log(`${r.file}  (score ${rep.score}/100)`);
    for (const f of rep.findings) {
      const where = f.location.cardId
        ? `card ${f.location.cardId}`
        : f.location.stageId
          ? `stage ${f.location.stageId}`
          : "map";
      console.log(
        `  ${f.severity.padEnd(7)} ${f.message}  [${f.rule}] (${where})\n          hint: ${f.hint}`,
      );
    }
  }
}

/** `wayline check FILE…`: the map health check as a linter (exit 0 clean, 1 errors or too many warnings). */
export function registerCheck(program: Command): void {
  program
    .command("check")
    .description("lint *.wayline.json maps with the health check (configure with .waylinerc.json)")
    .argument("<files...>", "map files")
    .option("--json", "print the reports as JSON")
    .option("--config <file>", `health-check config (default: nearest ${RC_FILE})`)
    .option("--max-warnings <n>", "fail when there are more warnings than this", (v) => {
      if (!/^\d+$/.test(v))
        throw new WaylineError("invalid_request", `--max-warnings expects a whole number, got "${v}"`);
      return Number(v);
    })
    .action((files: string[], o: { json?: boolean; config?: string; maxWarnings?: number }) => {
      const today = new Date().toISOString().slice(0, 10);
      const results = files.map((f) => checkFile(f, o.config, today));
      if (o.json) printJson(results);
      else printHuman(results);
      const errors = results.reduce((n, r) => n + (r.problems ? 1 : (r.report?.counts.error ?? 0)), 0);
      const warnings = results.reduce((n, r) => n + (r.report?.counts.warning ?? 0), 0);
      if (!o.json) console.log(`\n${errors} error(s), ${warnings} warning(s) in ${files.length} file(s)`);
      if (errors > 0 || (o.maxWarnings !== undefined && warnings > o.maxWarnings))
        throw new ExitCode(EXIT.user);
    });
}
