/**
 * Export benchmark: SVG, PNG (1×) and PDF (A0, fit) of the generated 20 stages × 12 lanes × 600
 * cards map (the editor benchmark's map). Each format is produced once to warm up (font cache,
 * module load), then `--runs` times; medians in ms. Run: `npx tsx bench/export/run.ts [--runs 7]`.
 */
import { cpus, loadavg, totalmem } from "node:os";
import { ExportOptionsSchema } from "../../src/domain/index.ts";
import { mapToPdf } from "../../src/services/export/pdf.ts";
import { mapToPng } from "../../src/services/export/png.ts";
import { mapToSvg } from "../../src/services/export/svg.ts";
import { generateBenchMap } from "../editor/generate.ts";

const runs = Number(process.argv[process.argv.indexOf("--runs") + 1]) || 7;
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
console.log(
  `${map.stages.length} stages × ${map.lanes.length} lanes × ${map.cards.length} cards · ${cpus().length} × ${cpus()[0]?.model} · ${Math.round(totalmem() / 2 ** 30)} GiB · Node ${process.version} · load ${loadavg()[0]?.toFixed(1)}`,
);
console.log("| format | median (ms) | min | max | n | size |");
console.log("|---|---|---|---|---|---|");
for (const [name, run] of formats) {
  await run();
  const times: number[] = [];
  let size = 0;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const out = (await run()) as string | Uint8Array;
    times.push(performance.now() - t);
    size = typeof out === "string" ? Buffer.byteLength(out) : out.length;
  }
  console.log(
    `| ${name} | ${median(times).toFixed(0)} | ${Math.min(...times).toFixed(0)} | ${Math.max(...times).toFixed(0)} | ${runs} | ${(size / 1024).toFixed(0)} KiB |`,
  );
}
