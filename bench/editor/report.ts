import { readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem, type } from "node:os";

/** Median of a list of numbers. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/** One line describing the machine and browser. */
export function machine(browser: string): string {
  const cpu = cpus();
  return `${type()} · ${cpu.length} × ${cpu[0]?.model.trim() ?? "cpu"} · ${Math.round(totalmem() / 2 ** 30)} GiB RAM · Node ${process.version} · Chromium ${browser} (headless)`;
}

const FILE = "bench/RESULTS.md";

/** Replaces (or appends) the "## Editor" section of bench/RESULTS.md. */
export function writeSection(table: string, info: string): void {
  let text = "";
  try {
    text = readFileSync(FILE, "utf8");
  } catch {
    text = "# Benchmark results\n";
  }
  const section = [
    "## Editor",
    "",
    "A generated map of 20 stages × 12 lanes × 600 cards (`bench/editor/generate.ts`) opened in",
    "Chromium at 1920×1080 against a real `wayline serve` on SQLite. “Painted” is measured from the",
    "input event to a task queued from the next animation frame (i.e. after that frame's paint).",
    "Run: `npx tsx bench/editor/run.ts --write`.",
    "",
    `Machine: ${info}. Measured ${new Date().toISOString().slice(0, 10)}.`,
    "",
    table,
    "",
  ].join("\n");
  const re = /## Editor\n[\s\S]*?(?=\n## |$)/;
  text = re.test(text) ? text.replace(re, section) : `${text.trimEnd()}\n\n${section}`;
  writeFileSync(FILE, text);
}
