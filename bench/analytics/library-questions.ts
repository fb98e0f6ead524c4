/**
 * Per-question latency on an imported (library) log: imports FILE into a DuckDB file as the log
 * library does (load, then the DFG and stats that import precomputes), then, in a fresh process
 * (a server after a restart), opens the file and times each question twice (first and repeat).
 * Usage: npx tsx bench/analytics/library-questions.ts FILE [DB]   (DB default /tmp/wayline-lib-<pid>.duckdb, removed after)
 */
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { loadavg } from "node:os";
import { DuckDbEngine } from "../../src/analytics/duckdb/duckdb-engine.ts";
import { machine } from "./machine.ts";

const FUNNEL = {
  steps: ["Visit", "Sign up", "Add to cart", "Checkout", "Purchase"],
  windowMs: 14 * 86_400_000,
};
const QUESTIONS = {
  stats: (e: DuckDbEngine) => e.stats(),
  variants: (e: DuckDbEngine) => e.variants({ top: 10 }),
  funnel: (e: DuckDbEngine) => e.funnel(FUNNEL),
  "funnel any": (e: DuckDbEngine) => e.funnel({ ...FUNNEL, mode: "any" }),
  dfg: (e: DuckDbEngine) => e.dfg(),
  "paths from": (e: DuckDbEngine) => e.paths({ from: "Sign up", depth: 3 }),
  "paths to": (e: DuckDbEngine) => e.paths({ to: "Purchase", depth: 3 }),
  "funnel by channel": (e: DuckDbEngine) => e.funnel({ ...FUNNEL, by: "channel" }),
} as const;

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

const [mode, file = "/tmp/wayline-bench-1m.csv", db = `/tmp/wayline-lib-${process.pid}.duckdb`] =
  process.argv[2] === "--ask" ? process.argv.slice(2) : ["--all", ...process.argv.slice(2)];

if (mode === "--ask") {
  const engine = await DuckDbEngine.open(db);
  const out: Record<string, [number, number]> = {};
  for (const [name, ask] of Object.entries(QUESTIONS))
    out[name] = [await timed(() => ask(engine)), await timed(() => ask(engine))];
  // A collector batch: 1,000 events, half to held cases (cust1…), half to new ones; then the
  // statistics the library refreshes, and the DFG (first / repeat = append + question / question).
  const t = 1_800_000_000_000;
  const batch = Array.from({ length: 1000 }, (_, i) => ({
    caseId: i % 2 ? `cust${i + 1}` : `late${i}`,
    activity: "Support",
    timestamp: t + i,
    seq: 0,
    attrs: { channel: "web" },
  }));
  const after = await timed(() => engine.append(batch));
  out["append 1,000 + stats"] = [
    after + (await timed(() => engine.stats())),
    await timed(() => engine.stats()),
  ];
  out["dfg after append"] = [await timed(() => engine.dfg()), await timed(() => engine.dfg())];
  await engine.close();
  console.log(JSON.stringify(out));
} else {
  const loads = [loadavg()[0] as number];
  const engine = await DuckDbEngine.open(db);
  const t0 = performance.now();
  await engine.load({ file });
  const load = performance.now() - t0;
  await engine.dfg();
  await engine.stats();
  const imported = performance.now() - t0;
  await engine.close();
  loads.push(loadavg()[0] as number);
  const out = execFileSync("node", ["--import", "tsx", process.argv[1] as string, "--ask", file, db], {
    encoding: "utf8",
  });
  loads.push(loadavg()[0] as number);
  rmSync(db, { force: true });
  rmSync(`${db}.wal`, { force: true });
  const times = JSON.parse(out) as Record<string, [number, number]>;
  console.log(
    `${file}: import ${(imported / 1000).toFixed(1)} s (load ${(load / 1000).toFixed(1)} s); ${machine(loads)}\n`,
  );
  console.log("| question | first ms | repeat ms |\n|---|---|---|");
  for (const [q, [a, b]] of Object.entries(times))
    console.log(`| ${q} | ${a.toFixed(0)} | ${b.toFixed(0)} |`);
}
