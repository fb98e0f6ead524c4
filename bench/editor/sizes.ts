/**
 * Editor benchmark at three map sizes: 20 × 12 × 600, 40 × 15 × 2,000 and 40 × 15 × 5,000 cards.
 * Per size: first render (navigation → every card in the DOM and a frame painted) and an edit
 * (emotion point moved with the keyboard → next paint), plus the JS heap of the page once rendered.
 * Prints one JSON line per size with the given label, so two checkouts (old and new code) can be
 * measured back to back in the same run by bench/editor/compare.sh.
 *
 *   npx tsx bench/editor/sizes.ts <label>
 */
import { existsSync } from "node:fs";
import { buildWebApp, CHROMIUM, startHarness } from "../../e2e/harness.ts";
import { benchCommands } from "./generate.ts";
import { measureCommand, measureFirstRender } from "./probes.ts";
import { median } from "./report.ts";

const label = process.argv[2] ?? "current";
const SIZES = [
  { name: "20×12×600", stages: 20, cards: 600 },
  { name: "40×15×2000", stages: 40, cards: 2000 },
  { name: "40×15×5000", stages: 40, cards: 5000 },
];

if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}`);
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
  for (const size of SIZES) {
    let map = await post("/api/journeys", { title: `Bench ${size.name}`, kind: "current_state" });
    const cmds = benchCommands(size.stages, size.cards);
    for (let i = 0; i < cmds.length; i += 400)
      map = {
        ...map,
        ...(await post(`/api/journeys/${map.id}/commands`, { baseVersion: map.version, commands: cmds.slice(i, i + 400) })),
      };
    const page = await h.newPage({ width: 1920, height: 1080 });
    await page.addInitScript({ content: "globalThis.__name = (f) => f;" });
    const first: number[] = [];
    for (let i = 0; i < 3; i++) first.push(await measureFirstRender(page, `/maps/${map.id}`, size.cards));
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("HeapProfiler.collectGarbage");
    await cdp.send("Performance.enable");
    const { metrics } = await cdp.send("Performance.getMetrics");
    const heap = metrics.find((m) => m.name === "JSHeapUsedSize")?.value ?? 0;
    const nodes = metrics.find((m) => m.name === "Nodes")?.value ?? 0;
    const edit = await measureCommand(page, "emotion", 10);
    console.log(
      JSON.stringify({
        label,
        size: size.name,
        firstRenderMs: first,
        firstRenderMedian: median(first),
        editPaintMedian: median(edit.paint),
        editWorkMedian: median(edit.work),
        heapMiB: Math.round((heap / 2 ** 20) * 10) / 10,
        domNodes: nodes,
      }),
    );
    await page.close();
  }
} finally {
  await h.close();
}
