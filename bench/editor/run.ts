/**
 * Editor benchmark in Chromium against a real server.
 *
 *   npx tsx bench/editor/run.ts [--write]         20 stages × 12 lanes × 600 cards: first render,
 *       keystroke → painted (typing in a card), command → painted (emotion point moved with the
 *       keyboard, a stage renamed) and command → saved (autosave round trip); medians and the
 *       machine; `--write` updates the "Editor" section of bench/RESULTS.md.
 *   npx tsx bench/editor/run.ts --sizes <label>   600 / 2,000 / 5,000 cards (20 × 12, 40 × 15,
 *       40 × 15): first render, an emotion edit → next paint, the page's JS heap and DOM nodes;
 *       one JSON line per size with the label, so bench/editor/compare.sh can measure two
 *       checkouts (old and new code) back to back in the same run.
 */
import { existsSync } from "node:fs";
import type { Page } from "playwright-core";
import { buildWebApp, CHROMIUM, type Harness, startHarness } from "../../e2e/harness.ts";
import { benchCommands } from "./generate.ts";
import { measureCommand, measureFirstRender, measureKeystrokes, measureSave } from "./probes.ts";
import { machine, median, writeSection } from "./report.ts";

/** Creates a generated map on the server (commands in batches of 400) and answers its id. */
async function createMap(h: Harness, title: string, stages: number, cards: number, lanes: number) {
  const post = async (path: string, body: unknown) => {
    const r = await fetch(h.server.url + path, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    if (!r.ok) throw new Error(`${path}: ${r.status} ${await r.text()}`);
    return r.json() as Promise<{ id: string; version: number }>;
  };
  let map = await post("/api/journeys", { title, kind: "current_state" });
  const cmds = benchCommands(stages, cards, lanes);
  for (let i = 0; i < cmds.length; i += 400)
    map = {
      ...map,
      ...(await post(`/api/journeys/${map.id}/commands`, {
        baseVersion: map.version,
        commands: cmds.slice(i, i + 400),
      })),
    };
  return map.id;
}

/** A 1920 × 1080 page; tsx keeps function names with an `__name` helper that the page lacks. */
async function benchPage(h: Harness): Promise<Page> {
  const page = await h.newPage({ width: 1920, height: 1080 });
  await page.addInitScript({ content: "globalThis.__name = (f) => f;" });
  return page;
}

/** The 600-card map in detail (the "Editor" section of bench/RESULTS.md). */
async function detailed(h: Harness): Promise<void> {
  const id = await createMap(h, "Benchmark map", 20, 600, 12);
  const page = await benchPage(h);
  const firstRender: number[] = [];
  for (let i = 0; i < 5; i++) firstRender.push(await measureFirstRender(page, `/maps/${id}`));
  const keystroke = await measureKeystrokes(page, 40);
  const emotion = await measureCommand(page, "emotion", 20);
  const rename = await measureCommand(page, "rename", 10);
  const save = await measureSave(page, 10);
  const rows: [string, number[]][] = [
    ["time to first render (navigation → the map's cards in view painted)", firstRender],
    ["keystroke → work done (typing in a card)", keystroke.work],
    ["keystroke → painted (typing in a card)", keystroke.paint],
    ["command → work done (emotion point, arrow key)", emotion.work],
    ["command → painted (emotion point, arrow key)", emotion.paint],
    ["command → work done (rename a stage, Enter)", rename.work],
    ["command → painted (rename a stage, Enter)", rename.paint],
    ["command → saved (autosave round trip)", save],
  ];
  const fmt = (v: number[]) =>
    `${median(v).toFixed(1)} | ${Math.min(...v).toFixed(1)} | ${Math.max(...v).toFixed(1)} | ${v.length}`;
  const table = [
    "| measure | median (ms) | min | max | n |",
    "|---|---|---|---|---|",
    ...rows.map(([k, v]) => `| ${k} | ${fmt(v)} |`),
  ].join("\n");
  console.log(table);
  const info = machine(await h.browser.version());
  console.log(info);
  if (process.argv.includes("--write")) writeSection(table, info);
}

const SIZES = [
  { name: "20×12×600", stages: 20, lanes: 12, cards: 600 },
  { name: "40×15×2000", stages: 40, lanes: 15, cards: 2000 },
  { name: "40×15×5000", stages: 40, lanes: 15, cards: 5000 },
];

/** Three sizes, one JSON line each. */
async function sizes(h: Harness, label: string): Promise<void> {
  for (const size of SIZES) {
    const id = await createMap(h, `Bench ${size.name}`, size.stages, size.cards, size.lanes);
    const page = await benchPage(h);
    const first: number[] = [];
    for (let i = 0; i < 3; i++) first.push(await measureFirstRender(page, `/maps/${id}`));
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("HeapProfiler.collectGarbage");
    await cdp.send("Performance.enable");
    const { metrics } = await cdp.send("Performance.getMetrics");
    const heap = metrics.find((m) => m.name === "JSHeapUsedSize")?.value ?? 0;
    const nodes = metrics.find((m) => m.name === "Nodes")?.value ?? 0;
    const cardsInDom = await page.evaluate(() => document.querySelectorAll(".card").length);
    const edit = await measureCommand(page, "emotion", 10);
    console.log(
      JSON.stringify({
        label,
        size: size.name,
        firstRenderMs: first.map((x) => Math.round(x)),
        firstRenderMedian: Math.round(median(first)),
        editPaintMedian: Math.round(median(edit.paint) * 10) / 10,
        editWorkMedian: Math.round(median(edit.work) * 10) / 10,
        heapMiB: Math.round((heap / 2 ** 20) * 10) / 10,
        domNodes: nodes,
        cardsInDom,
      }),
    );
    await page.close();
  }
}

if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install -y chromium)`);
buildWebApp();
const h = await startHarness();
try {
  const i = process.argv.indexOf("--sizes");
  if (i >= 0) await sizes(h, process.argv[i + 1] ?? "current");
  else await detailed(h);
} finally {
  await h.close();
}
