/**
 * End-to-end `wayline log stats FILE --json` against the hand-written SQL baseline
 * (stats-baseline.mjs) and DuckDB's raw typed scan of the file (raw-scan.mjs, the issue 14 item 7
 * target: within 2×), each a fresh process under `/usr/bin/time -v`, runs interleaved so load
 * from other processes hits them alike. Prints a Markdown table (medians; wall s, peak RSS MB).
 * Usage: npx tsx bench/analytics/stats-e2e.ts FILE [REPS]
 */
import { execFileSync } from "node:child_process";
import { cpus, loadavg, totalmem } from "node:os";

const [file = "/tmp/wayline-bench-1m.csv", reps = "3"] = process.argv.slice(2);
const COMMANDS = {
  wayline: ["node", "bin/wayline.js", "log", "stats", file, "--json"],
  "duckdb-sql": ["node", "bench/analytics/stats-baseline.mjs", file],
  "raw-scan": ["node", "bench/analytics/raw-scan.mjs", file],
} as const;
type Name = keyof typeof COMMANDS;

/** Wall seconds and peak RSS (MB) of one run, from GNU time's verbose report. */
function run(cmd: readonly string[]): { wall: number; rss: number; out: string } {
  const log = `/tmp/wayline-e2e-${process.pid}.time`;
  const out = execFileSync("/usr/bin/time", ["-v", "-o", log, ...cmd], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 1 << 26,
  });
  const report = execFileSync("cat", [log], { encoding: "utf8" });
  const wallText = /Elapsed \(wall clock\) time.*: (.+)/.exec(report)?.[1] ?? "0";
  const wall = wallText.split(":").reduce((s, p) => s * 60 + Number(p), 0);
  const rss = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(report)?.[1] ?? 0) / 1024;
  return { wall, rss, out };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

const runs: Record<Name, { wall: number; rss: number }[]> = { wayline: [], "duckdb-sql": [], "raw-scan": [] };
const loads: number[] = [];
const answers: Partial<Record<Name, { events: number; cases: number; variants: number }>> = {};
for (let i = 0; i < Number(reps); i++) {
  for (const name of Object.keys(COMMANDS) as Name[]) {
    loads.push(loadavg()[0] as number);
    const r = run(COMMANDS[name]);
    runs[name].push(r);
    answers[name] = JSON.parse(r.out);
    console.error(`${name} run ${i + 1}: ${r.wall.toFixed(2)} s, ${r.rss.toFixed(0)} MB`);
  }
}
const w = median(runs.wayline.map((r) => r.wall));
const b = median(runs["duckdb-sql"].map((r) => r.wall));
const raw = median(runs["raw-scan"].map((r) => r.wall));
const same =
  (["events", "cases", "variants"] as const).every(
    (k) => answers.wayline?.[k] === answers["duckdb-sql"]?.[k],
  ) && answers.wayline?.events === answers["raw-scan"]?.events;
console.log(
  [
    `${file}: ${reps} interleaved runs, 1-min load average ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} before the runs; ${cpus().length} × ${cpus()[0]?.model}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}; answers agree: ${same}`,
    "",
    "| command | median wall s | runs (s) | peak RSS MB (median) |",
    "|---|---|---|---|",
    ...(Object.keys(COMMANDS) as Name[]).map(
      (n) =>
        `| ${n} | ${median(runs[n].map((r) => r.wall)).toFixed(2)} | ${runs[n].map((r) => r.wall.toFixed(2)).join(", ")} | ${median(runs[n].map((r) => r.rss)).toFixed(0)} |`,
    ),
    "",
    `wayline / baseline: ${(w / b).toFixed(2)}×; wayline / raw typed scan: ${(w / raw).toFixed(2)}× (target ≤ 2×)`,
  ].join("\n"),
);
