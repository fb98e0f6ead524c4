/**
 * Collaboration benchmark (not part of CI). Node editors using the real HocuspocusProvider against
 * `wayline serve` child processes on SQLite:
 *  1. edit-to-other-editor propagation latency for 2, 10 and 50 editors on one 600-card map;
 *  2. the same through two processes joined by Redis (editors split across them);
 *  3. memory of the server process per open 600-card map with 2 editors each.
 * Run: npx tsx bench/collab/run.ts [--maps 500] [--edits 100]
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import type * as Y from "yjs";
import { freePort, spawnServer } from "../../e2e/collab-harness.ts";
import { roots, toNativeDocument } from "../../src/domain/index.ts";
import { connectPeer, type Peer } from "../../src/server/collab/peer.ts";
import { generateBenchMap } from "../editor/generate.ts";

const arg = (name: string, d: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : d;
};
const MAPS = arg("maps", 500);
const PHASES = (process.argv[process.argv.indexOf("--phases") + 1] ?? "").includes(",")
  ? (process.argv[process.argv.indexOf("--phases") + 1] as string).split(",")
  : ["one", "redis", "memory"];
const SIZES = (
  process.argv.includes("--sizes") ? String(process.argv[process.argv.indexOf("--sizes") + 1]) : "2,10,50"
)
  .split(",")
  .map(Number);
const watch = (name: string, proc: { on(e: "exit", f: (code: number | null) => void): void }) =>
  proc.on("exit", (code) => code !== null && code !== 0 && console.error(`${name} exited with ${code}`));
const EDITS = arg("edits", 100);
const REDIS = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
/** WAYLINE_BENCH_CPU_PROF=<dir>: the server processes (not this one) write V8 CPU profiles there on exit. */
const PROF = process.env.WAYLINE_BENCH_CPU_PROF;
const serverFlags = PROF ? ["--cpu-prof", `--cpu-prof-dir=${PROF}`] : [];

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN;
};

async function importMap(base: string, i: number): Promise<string> {
  const map = generateBenchMap();
  const doc = toNativeDocument(
    { ...map, id: `bench${i}-${Math.random().toString(36).slice(2, 8)}` as never, title: `Bench ${i}` },
    [],
    new Date().toISOString(),
  );
  const post = () =>
    fetch(`${base}/api/journeys/import`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(doc),
    });
  // A kept-alive socket the busy server closed at the same moment fails once ("other side closed").
  const res = await post().catch(post);
  if (res.status !== 201) throw new Error(`import failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

/** Each edit appends to one card's text in a random editor; latency = until every other editor has it. */
async function latency(bases: string[], editors: number, edits: number): Promise<number[]> {
  const id = await importMap(bases[0] as string, 0);
  const peers: Peer[] = Array.from({ length: editors }, (_, i) =>
    connectPeer(bases[i % bases.length] as string, id),
  );
  await Promise.all(peers.map((p) => p.synced));
  const cardIds = [...roots(peers[0]?.doc as Y.Doc).cards.keys()];
  const out: number[] = [];
  for (let e = 0; e < edits; e++) {
    const from = peers[e % peers.length] as Peer;
    const card = cardIds[e % cardIds.length] as string;
    const marker = ` #${e}`;
    const waits = peers
      .filter((p) => p !== from)
      .map(
        (p) =>
          new Promise<number>((resolve) => {
            const t0 = performance.now();
            const text = roots(p.doc).cards.get(card)?.get("text") as Y.Text;
            const check = () => {
              if (text.toString().endsWith(marker)) {
                p.doc.off("update", check);
                resolve(performance.now() - t0);
              }
            };
            p.doc.on("update", check);
            setTimeout(() => {
              p.doc.off("update", check);
              resolve(Number.POSITIVE_INFINITY); // never arrived within 5 s: counted as a miss
            }, 5000);
          }),
      );
    const text = roots(from.doc).cards.get(card)?.get("text") as Y.Text;
    text.insert(text.length, marker);
    out.push(...(await Promise.all(waits)));
    await new Promise((r) => setTimeout(r, 20));
  }
  for (const p of peers) p.destroy();
  return out;
}

const rssMiB = (pid: number) => {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return Number(m?.[1] ?? 0) / 1024;
};

/** Server memory as /metrics reports it (resident set and V8 heap in use), in MiB. */
async function serverMemory(base: string): Promise<{ rss: number; heap: number }> {
  const text = await (await fetch(`${base}/metrics`)).text();
  const metric = (name: string) =>
    Number(new RegExp(`^${name} (\\S+)$`, "m").exec(text)?.[1] ?? Number.NaN) / 2 ** 20;
  return {
    rss: metric("wayline_process_resident_memory_bytes"),
    heap: metric("wayline_nodejs_heap_size_used_bytes"),
  };
}

/** Least-squares slope of y over x. */
function slope(points: { x: number; y: number }[]): number {
  const n = points.length;
  const mx = points.reduce((a, p) => a + p.x, 0) / n;
  const my = points.reduce((a, p) => a + p.y, 0) / n;
  const num = points.reduce((a, p) => a + (p.x - mx) * (p.y - my), 0);
  const den = points.reduce((a, p) => a + (p.x - mx) ** 2, 0);
  return den === 0 ? Number.NaN : num / den;
}

interface MemoryRun {
  before: number;
  after: number;
  per: number;
  /** Per open map from the slope over the steps (resident set and heap), MiB. */
  perRss: number;
  perHeap: number;
  steps: { maps: number; rss: number; heap: number; seconds: number }[];
}

/**
 * Opens `maps` imported maps with two editors each, one map at a time, sampling the server's
 * memory every `step` maps; the per-map figure is the slope over the samples (so the server's own
 * baseline and one garbage-collection's timing do not count). Editors tolerate a slow server
 * (no reconnect for 10 min without a message): reconnect churn would measure the churn.
 */
async function memory(
  base: string,
  pid: number,
  maps: number,
  step = Math.max(1, Math.floor(maps / 10)),
): Promise<MemoryRun> {
  const ids: string[] = [];
  for (let i = 0; i < maps; i++) ids.push(await importMap(base, i));
  await new Promise((r) => setTimeout(r, 1000));
  const before = rssMiB(pid);
  const t0 = performance.now();
  const steps: MemoryRun["steps"] = [];
  const sample = async (n: number) => {
    await new Promise((r) => setTimeout(r, 1000));
    const m = await serverMemory(base);
    steps.push({ maps: n, ...m, seconds: (performance.now() - t0) / 1000 });
    console.error(
      `memory: ${n} maps open, server RSS ${m.rss.toFixed(0)} MiB, heap ${m.heap.toFixed(0)} MiB`,
    );
  };
  await sample(0);
  const peers: Peer[] = [];
  for (const [i, id] of ids.entries()) {
    const pair = [0, 1].map(() => connectPeer(base, id, { messageReconnectTimeout: 600_000 }));
    peers.push(...pair);
    await Promise.all(pair.map((p) => p.synced));
    if ((i + 1) % step === 0 || i + 1 === maps) await sample(i + 1);
  }
  await new Promise((r) => setTimeout(r, 2000));
  const after = rssMiB(pid);
  for (const p of peers) p.destroy();
  const points = (k: "rss" | "heap") => steps.map((s) => ({ x: s.maps, y: s[k] }));
  return {
    before,
    after,
    per: (after - before) / maps,
    perRss: slope(points("rss")),
    perHeap: slope(points("heap")),
    steps,
  };
}

const rows: string[] = [];
const fmt = (xs: number[]) => {
  const missed = xs.filter((x) => !Number.isFinite(x)).length;
  return `${pct(xs, 50).toFixed(1)} | ${pct(xs, 95).toFixed(1)} | ${pct(xs, 99).toFixed(1)} | ${xs.length}${missed ? ` (${missed} missed)` : ""}`;
};
const dir = mkdtempSync(join(tmpdir(), "wayline-bench-collab-"));
if (PHASES.includes("one")) {
  const one = await spawnServer(await freePort(), dir, {}, serverFlags);
  watch("server", one.proc);
  try {
    for (const n of SIZES) {
      const xs = await latency([one.url], n, EDITS);
      rows.push(`| ${n} editors, one process | ${fmt(xs)} |`);
      console.error(rows.at(-1));
    }
  } finally {
    await one.stop();
  }
}
const dir2 = mkdtempSync(join(tmpdir(), "wayline-bench-collab-"));
if (PHASES.includes("redis")) {
  const a = await spawnServer(await freePort(), dir2, { REDIS_URL: REDIS }, serverFlags);
  const b = await spawnServer(await freePort(), dir2, { REDIS_URL: REDIS }, serverFlags);
  watch("server A", a.proc);
  watch("server B", b.proc);
  try {
    for (const n of SIZES) {
      const xs = await latency([a.url, b.url], n, EDITS);
      rows.push(`| ${n} editors, two processes + Redis | ${fmt(xs)} |`);
      console.error(rows.at(-1));
    }
  } finally {
    await a.stop();
    await b.stop();
  }
}
const dir3 = mkdtempSync(join(tmpdir(), "wayline-bench-collab-"));
let mem: MemoryRun | null = null;
if (PHASES.includes("memory")) {
  const m = await spawnServer(await freePort(), dir3, {}, serverFlags);
  try {
    mem = await memory(m.url, m.proc.pid as number, MAPS);
  } finally {
    await m.stop();
  }
}
for (const d of [dir, dir2, dir3]) rmSync(d, { recursive: true, force: true });
console.log(
  `Machine: ${cpus().length} × ${cpus()[0]?.model.trim()} · ${(totalmem() / 2 ** 30).toFixed(0)} GiB · Node ${process.version} · ${new Date().toISOString()}`,
);
console.log("| propagation (edit → every other editor has it) | p50 ms | p95 ms | p99 ms | samples |");
console.log("|---|---|---|---|---|");
for (const r of rows) console.log(r);
if (mem) {
  console.log(
    `\nMemory: ${MAPS} open 600-card maps × 2 editors: server RSS ${mem.before.toFixed(0)} → ${mem.after.toFixed(0)} MiB, ${mem.per.toFixed(2)} MiB per open map (end − start); slope over the steps: ${mem.perRss.toFixed(2)} MiB RSS, ${mem.perHeap.toFixed(2)} MiB V8 heap per open map.`,
  );
  console.log("| open maps | server RSS MiB | V8 heap in use MiB | s since the first |");
  console.log("|---|---|---|---|");
  for (const s of mem.steps)
    console.log(`| ${s.maps} | ${s.rss.toFixed(0)} | ${s.heap.toFixed(0)} | ${s.seconds.toFixed(0)} |`);
}
