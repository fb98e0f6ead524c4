/**
 * Where the editor's time goes, from Chromium's CPU profiler (not a benchmark: no figures are
 * recorded). Opens a generated map and prints the functions with the most self time during the
 * first render, then during `--edits` emotion edits (keyboard), with their script and line.
 *
 *   npx vite build --minify false && npx tsx bench/editor/profile.ts [--cards 600] [--edits 20]
 *
 * Builds nothing itself: build the bundle unminified first so the names mean something.
 */
import type { Page } from "playwright-core";
import { startHarness } from "../../e2e/harness.ts";
import { benchCommands } from "./generate.ts";
import { measureFirstRender } from "./probes.ts";

interface ProfileNode {
  id: number;
  children?: number[];
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};

const frameKey = (f: ProfileNode["callFrame"]) =>
  `${f.functionName || "(anonymous)"} ${f.url.split("/").pop()}:${f.lineNumber + 1}`;

/** Self time (or with `inclusive`, time with callees) per function (ms), largest first. */
function topFunctions(p: Profile, n = 30, inclusive = false): string[] {
  const byId = new Map(p.nodes.map((x) => [x.id, x]));
  const parent = new Map<number, number>();
  for (const x of p.nodes) for (const c of x.children ?? []) parent.set(c, x.id);
  const self = new Map<string, number>();
  p.samples.forEach((id, i) => {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = inclusive ? parent.get(at) : undefined) {
      const f = byId.get(at)?.callFrame;
      if (!f) break;
      const key = frameKey(f);
      if (seen.has(key)) continue;
      seen.add(key);
      self.set(key, (self.get(key) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000);
    }
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  return [
    `total ${total.toFixed(0)} ms`,
    ...[...self.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `${v.toFixed(1).padStart(8)} ms  ${k}`),
  ];
}

async function profiled<T>(page: Page, what: () => Promise<T>): Promise<[T, Profile]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
  await cdp.send("Profiler.start");
  const out = await what();
  const { profile } = (await cdp.send("Profiler.stop")) as unknown as { profile: Profile };
  await cdp.detach();
  return [out, profile];
}

/** When the page's own milestones happened (ms after navigation start). */
function timeline(page: Page): Promise<string> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const e of performance.getEntriesByType("resource") as PerformanceResourceTiming[])
      if (/\/api\/|\.js$/.test(e.name))
        out.push(`${e.startTime.toFixed(0)}–${e.responseEnd.toFixed(0)} ms ${new URL(e.name).pathname}`);
    for (const m of performance.getEntriesByType("mark"))
      out.push(`${m.startTime.toFixed(0)} ms mark ${m.name}`);
    return out.sort((a, b) => Number.parseFloat(a) - Number.parseFloat(b)).join("\n");
  });
}

const h = await startHarness();
try {
  const cards = arg("--cards", 600);
  const post = async (path: string, body: unknown) => {
    const r = await fetch(h.server.url + path, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    if (!r.ok) throw new Error(`${path}: ${r.status} ${await r.text()}`);
    return r.json() as Promise<{ id: string; version: number }>;
  };
  let map = await post("/api/journeys", { title: "Profile", kind: "current_state" });
  const cmds = benchCommands(cards > 600 ? 40 : 20, cards, cards > 600 ? 15 : 12);
  for (let i = 0; i < cmds.length; i += 400)
    map = {
      ...map,
      ...(await post(`/api/journeys/${map.id}/commands`, {
        baseVersion: map.version,
        commands: cmds.slice(i, i + 400),
      })),
    };
  const page = await h.newPage({ width: 1920, height: 1080 });
  await page.addInitScript({ content: "globalThis.__name = (f) => f;" });
  await measureFirstRender(page, `/maps/${map.id}`); // warm: IndexedDB, caches
  const [ms, first] = await profiled(page, () => measureFirstRender(page, `/maps/${map.id}`));
  console.log(`first render ${ms.toFixed(0)} ms`);
  console.log(await timeline(page));
  console.log(topFunctions(first).join("\n"));
  const edits = arg("--edits", 20);
  const slider = page.getByRole("slider", { name: "Emotion at Stage 5", exact: true });
  const [, edit] = await profiled(page, async () => {
    for (let i = 0; i < edits; i++) {
      await slider.focus();
      await page.keyboard.press(i % 2 ? "ArrowDown" : "ArrowUp");
      await page.waitForTimeout(400);
    }
  });
  console.log(`\n${edits} emotion edits (with their settle and save)`);
  console.log(topFunctions(edit).join("\n"));
  console.log("\nwith callees");
  console.log(topFunctions(edit, 60, true).join("\n"));
} finally {
  await h.close();
}
