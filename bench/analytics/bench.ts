/**
 * Times load/stats/funnel/variants for each engine (separate processes, REPS runs, medians) and
 * writes RESULTS.md next to this file. Usage: npx tsx bench/analytics/bench.ts FILE [REPS] [ENGINES]
 * Generate FILE first with generate.ts; ClickHouse runs when a server answers (scripts/ci/clickhouse.sh).
 */
import { execFileSync } from "node:child_process";
import { statSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { ENGINE_NAMES, ENGINES, isEngineName } from "../../src/analytics/registry.ts";

const [file = "/tmp/wayline-bench-1m.csv", reps = "3", list = ["duckdb-sql", ...ENGINE_NAMES].join(",")] =
  process.argv.slice(2);
const STEPS = ["load", "stats", "funnel", "variants", "maxRssMB"] as const;
type Run = Record<(typeof STEPS)[number], number>;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2
    ? (s[(s.length - 1) / 2] as number)
    : ((s[s.length / 2 - 1] as number) + (s[s.length / 2] as number)) / 2;
};

function runOnce(engine: string): Run {
  const out = execFileSync(
    "node",
    ["--import", "tsx", join("bench", "analytics", "run-one.ts"), engine, file],
    { encoding: "utf8" },
  );
  return JSON.parse(out.trim().split("\n").at(-1) as string) as Run;
}

const requested = list.split(",").filter((e) => e !== "clickhouse" || process.env.SKIP_CLICKHOUSE !== "1");
// Engines whose server does not answer are left out (the registry entry says what to probe).
const engines: string[] = [];
for (const e of requested)
  if (!isEngineName(e) || ((await ENGINES[e].service?.probe()) ?? true)) engines.push(e);
const results: Record<string, Run> = {};
for (const engine of engines) {
  const runs = Array.from({ length: Number(reps) }, () => runOnce(engine));
  results[engine] = Object.fromEntries(STEPS.map((k) => [k, median(runs.map((r) => r[k]))])) as Run;
  console.log(engine, JSON.stringify(results[engine]));
}

const base = results["duckdb-sql"];
const ratio = (e: string, k: (typeof STEPS)[number]) =>
  base?.[k] ? ` (${((results[e]?.[k] ?? 0) / base[k]).toFixed(2)}×)` : "";
const lines = [
  `## ${new Date().toISOString().slice(0, 10)} — ${file} (${(statSync(file).size / 1e6).toFixed(0)} MB), median of ${reps} runs`,
  "",
  `Machine: ${cpus().length} × ${cpus()[0]?.model ?? "?"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}, ${process.platform}.`,
  "",
  "| engine | load ms | stats ms | funnel ms | variants ms | peak RSS MB |",
  "|---|---|---|---|---|---|",
  ...engines.map(
    (e) =>
      `| ${e} | ${STEPS.map((k) => `${results[e]?.[k]}${k === "maxRssMB" ? "" : ratio(e, k)}`).join(" | ")} |`,
  ),
  "",
];
const path = join("bench", "analytics", "RESULTS.md");
let previous = "";
try {
  previous = (await import("node:fs")).readFileSync(path, "utf8");
} catch {
  previous =
    "# Analytics benchmark results\n\nRatios are against the hand-written DuckDB SQL baseline (`duckdb-sql`).\n\n";
}
writeFileSync(path, `${previous}${lines.join("\n")}\n`);
console.log(lines.join("\n"));
