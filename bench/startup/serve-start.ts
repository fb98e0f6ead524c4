/**
 * Start-up time of `wayline serve` (SQLite, empty data folder): spawn → the "running at" line,
 * as wall time and as the process's CPU time (user + system of all its threads, from
 * /proc/<pid>/stat), which a loaded machine disturbs far less than wall time.
 * Alternates this tree with a baseline tree (another checkout, `--baseline DIR`) in the same run,
 * so machine load hits both alike. Run: `npx tsx bench/startup/serve-start.ts --baseline /tmp/base [--runs 7]`.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const runs = Number(arg("--runs") ?? 7);
const trees: [string, string][] = [["this tree", process.cwd()]];
const base = arg("--baseline");
if (base) trees.unshift(["baseline", resolve(base)]);

/** CPU seconds (user + system) a running process has used so far. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function startOnce(tree: string): Promise<{ wall: number; cpu: number }> {
  const dir = mkdtempSync(join(tmpdir(), "wayline-start-"));
  const t0 = performance.now();
  const child = spawn(
    process.execPath,
    [join(tree, "bin/wayline.js"), "serve", "--port", "0", "--data", dir],
    {
      env: { ...process.env, DATABASE_URL: "", REDIS_URL: "", CLICKHOUSE_URL: "", WAYLINE_LOG_LEVEL: "warn" },
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  return new Promise((done, fail) => {
    let out = "";
    child.stderr.on("data", (d) => {
      out += d;
      if (/running at /.test(out)) {
        const wall = performance.now() - t0;
        const cpu = cpuSeconds(child.pid as number) * 1000;
        child.kill("SIGKILL");
        child.once("exit", () => {
          rmSync(dir, { recursive: true, force: true });
          done({ wall, cpu });
        });
      }
    });
    child.once("exit", (code) => {
      if (!/running at /.test(out)) fail(new Error(`serve exited (${code}) before starting:\n${out}`));
    });
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const times = new Map<string, number[]>(trees.map(([name]) => [name, []]));
const cpus = new Map<string, number[]>(trees.map(([name]) => [name, []]));
const load0 = loadavg()[0] ?? 0;
// One warm-up each (tsx's transform cache), then alternate.
for (const [, tree] of trees) await startOnce(tree);
for (let i = 0; i < runs; i++)
  for (const [name, tree] of trees) {
    const r = await startOnce(tree);
    times.get(name)?.push(r.wall);
    cpus.get(name)?.push(r.cpu);
  }
const load1 = loadavg()[0] ?? 0;
console.log(
  `load average ${load0.toFixed(1)} → ${load1.toFixed(1)}, ${runs} runs each, Node ${process.version}`,
);
for (const [name, xs] of times) {
  const c = cpus.get(name) ?? [];
  console.log(
    `${name.padEnd(10)} wall median ${median(xs).toFixed(0)} ms (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)}); CPU median ${median(c).toFixed(0)} ms (min ${Math.min(...c).toFixed(0)}, max ${Math.max(...c).toFixed(0)})`,
  );
}
if (base) {
  const ratio = (m: Map<string, number[]>) =>
    median(m.get("this tree") ?? []) / median(m.get("baseline") ?? []);
  console.log(`ratio this/baseline: wall ${ratio(times).toFixed(2)}, CPU ${ratio(cpus).toFixed(2)}`);
}
