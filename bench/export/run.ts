/**
 * Export benchmark: SVG, PNG (1×) and PDF (A0, fit) of the generated 20 stages × 12 lanes × 600
 * cards map (the editor benchmark's map). Each format is produced once to warm up (font cache,
 * module load), then `--runs` times; medians of wall-clock and of this process's CPU time (user +
 * system, all threads: resvg's too), in ms. CPU time is what the 2 cores' other tenants do not
 * change much, so old/new comparisons use it. Run: `npx tsx bench/export/run.ts [--runs 7]
 * [--root DIR] [--react dev|production]`; `--root` runs another checkout's export code (e.g. a
 * `git worktree` of an older commit) on this script's map, `--react` picks React's build
 * (default production, as the `wayline` command runs; dev is what ran before it set NODE_ENV).
 */
import { cpus, loadavg, totalmem } from "node:os";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const runs = Number(arg("runs")) || 7;
const root = resolve(arg("root") ?? new URL("../..", import.meta.url).pathname);
const react = arg("react") ?? "production";
// React reads NODE_ENV when first loaded, so it is set before any import of the export code.
if (react === "production") process.env.NODE_ENV = "production";
else delete process.env.NODE_ENV;
const load = (p: string) => import(pathToFileURL(resolve(root, p)).href);
const { ExportOptionsSchema } = await load("src/domain/index.ts");
const { mapToPdf } = await load("src/services/export/pdf.ts");
const { mapToPng } = await load("src/services/export/png.ts");
const { mapToSvg } = await load("src/services/export/svg.ts");
const { generateBenchMap } = await import("../editor/generate.ts");

const map = generateBenchMap();
const input = (o: Record<string, string> = {}) => ({
  map,
  personas: [],
  options: ExportOptionsSchema.parse(o),
  exportedAt: new Date().toISOString(),
});
const formats: [string, () => unknown][] = [
  ["svg", () => mapToSvg(input())],
  ["png 1×", () => mapToPng(input())],
  ["pdf A0 fit", () => mapToPdf(input({ page: "A0" }))],
];
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
};
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
console.log(
  `${map.stages.length} stages × ${map.lanes.length} lanes × ${map.cards.length} cards · ${cpus().length} × ${cpus()[0]?.model} · ${Math.round(totalmem() / 2 ** 30)} GiB · Node ${process.version} · React ${react} · code ${root} · load ${loadavg()[0]?.toFixed(1)}`,
);
console.log("| format | wall median (ms) | min | max | CPU median (ms) | n | size |");
console.log("|---|---|---|---|---|---|---|");
for (const [name, run] of formats) {
  await run();
  const wall: number[] = [];
  const cpu: number[] = [];
  let size = 0;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const c = cpuMs();
    const out = (await run()) as string | Uint8Array;
    cpu.push(cpuMs() - c);
    wall.push(performance.now() - t);
    size = typeof out === "string" ? Buffer.byteLength(out) : out.length;
  }
  console.log(
    `| ${name} | ${median(wall).toFixed(0)} | ${Math.min(...wall).toFixed(0)} | ${Math.max(...wall).toFixed(0)} | ${median(cpu).toFixed(0)} | ${runs} | ${(size / 1024).toFixed(0)} KiB |`,
  );
}
