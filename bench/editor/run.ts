/**
 * Editor benchmark: a generated map of 20 stages × 12 lanes × 600 cards in Chromium.
 * Measures time to first render, keystroke → painted (typing in a card), command → painted
 * (emotion point moved with the keyboard, a stage renamed) and command → saved (autosave round
 * trip). Prints medians and the machine; `--write` updates the "Editor" section of bench/RESULTS.md.
 *
 *   npx tsx bench/editor/run.ts [--write]
 */
import { existsSync } from "node:fs";
import { buildWebApp, CHROMIUM, startHarness } from "../../e2e/harness.ts";
import { benchCommands } from "./generate.ts";
import { measureCommand, measureFirstRender, measureKeystrokes, measureSave } from "./probes.ts";
import { machine, median, writeSection } from "./report.ts";

if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install -y chromium)`);
buildWebApp();
const h = await startHarness();
try {
  const base = h.server.url;
  const post = async (path: string, body: unknown) => {
    const r = await fetch(base + path, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    if (!r.ok) throw new Error(`${path}: ${r.status} ${await r.text()}`);
    return r.json() as Promise<{ id: string; version: number }>;
  };
  let map = await post("/api/journeys", { title: "Benchmark map", kind: "current_state" });
  const cmds = benchCommands(20, 600);
  for (let i = 0; i < cmds.length; i += 400)
    map = {
      ...map,
      ...(await post(`/api/journeys/${map.id}/commands`, {
        baseVersion: map.version,
        commands: cmds.slice(i, i + 400),
      })),
    };

  const page = await h.newPage({ width: 1920, height: 1080 });
  // tsx keeps function names with an `__name` helper that the page does not have.
  await page.addInitScript({ content: "globalThis.__name = (f) => f;" });
  const url = `/maps/${map.id}`;
  const firstRender: number[] = [];
  for (let i = 0; i < 5; i++) firstRender.push(await measureFirstRender(page, url, 600));
  const keystroke = await measureKeystrokes(page, 40);
  const emotion = await measureCommand(page, "emotion", 20);
  const rename = await measureCommand(page, "rename", 10);
  const save = await measureSave(page, 10);

  const rows: [string, number[]][] = [
    ["time to first render (navigation → 600 cards painted)", firstRender],
    ["keystroke → work done (typing in a card)", keystroke.work],
    ["keystroke → painted (typing in a card)", keystroke.paint],
    ["command → work done (emotion point, arrow key)", emotion.work],
    ["command → painted (emotion point, arrow key)", emotion.paint],
    ["command → work done (rename a stage, Enter)", rename.work],
    ["command → painted (rename a stage, Enter)", rename.paint],
    ["command → saved (autosave round trip)", save],
  ];
  const table = [
    "| measure | median (ms) | min | max | n |",
    "|---|---|---|---|---|",
    ...rows.map(
      ([k, v]) =>
        `| ${k} | ${median(v).toFixed(1)} | ${Math.min(...v).toFixed(1)} | ${Math.max(...v).toFixed(1)} | ${v.length} |`,
    ),
  ].join("\n");
  console.log(table);
  const info = machine(await h.browser.version());
  console.log(info);
  if (process.argv.includes("--write")) writeSection(table, info);
} finally {
  await h.close();
}
