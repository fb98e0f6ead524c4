/**
 * Dot voting under load: P participants place D dots each, all at once, on one 600-card map
 * (SQLite, in this process), through `WorkshopService` — the path of `POST …/workshop/votes`
 * minus HTTP. Baseline in the same run: the same number of `state()` reads (what every vote
 * answers anyway). Then the reveal, which writes every voted card. Run:
 *   npx tsx bench/workshop/votes.ts [participants=50] [dots=3]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { toNativeDocument } from "../../src/domain/index.ts";
import { createServices } from "../../src/services/services.ts";
import { openStore } from "../../src/storage/store.ts";
import { DEFAULT_WORKSPACE_ID as WS } from "../../src/storage/workspaces.ts";
import { generateBenchMap } from "../editor/generate.ts";

const P = Number(process.argv[2] ?? 50);
const D = Number(process.argv[3] ?? 3);
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? 0;

async function timed<T>(run: () => Promise<T>, out: number[]): Promise<T> {
  const t = performance.now();
  const r = await run();
  out.push(performance.now() - t);
  return r;
}

const dir = mkdtempSync(join(tmpdir(), "wayline-bench-workshop-"));
const store = await openStore({ dataDir: dir });
const services = createServices({ store, dataDir: dir });
try {
  const map = generateBenchMap();
  const view = await services.journeys.importNative(WS, toNativeDocument(map, [], new Date().toISOString()));
  const id = view.map.id;
  const pains = view.map.cards
    .filter((c) => c.fields.kind === "pain" || c.fields.kind === "idea")
    .map((c) => c.id);
  const who = (i: number) => ({ key: `member:u${i}`, name: `User ${i}` });
  await services.workshops.start(WS, id, who(0));
  await services.workshops.openVote(WS, id, who(0), { votesPerPerson: D, stacking: true });

  const reads: number[] = [];
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: P }, async (_, i) => {
      for (let d = 0; d < D; d++) await timed(() => services.workshops.state(WS, id, who(i)), reads);
    }),
  );
  const readWall = performance.now() - t0;

  const votes: number[] = [];
  const t1 = performance.now();
  await Promise.all(
    Array.from({ length: P }, async (_, i) => {
      for (let d = 0; d < D; d++)
        await timed(
          () => services.workshops.vote(WS, id, who(i), pains[(i * D + d) % pains.length] as string, 1),
          votes,
        );
    }),
  );
  const voteWall = performance.now() - t1;

  const reveal: number[] = [];
  const shown = await timed(() => services.workshops.reveal(WS, id, who(0)), reveal);
  const row = (label: string, xs: number[], wall: number) =>
    `| ${label} | ${xs.length} | ${pct(xs, 0.5).toFixed(1)} | ${pct(xs, 0.95).toFixed(1)} | ${((xs.length / wall) * 1000).toFixed(0)} |`;
  console.log(
    `${pains.length} pain points and ideas on a ${view.map.cards.length}-card map, ${P} participants × ${D} dots`,
  );
  console.log("| operation (all participants at once) | calls | p50 ms | p95 ms | per second |");
  console.log("|---|---|---|---|---|");
  console.log(row("baseline: read the session (`state`)", reads, readWall));
  console.log(row("place a dot (`vote`)", votes, voteWall));
  console.log(
    `| reveal (writes ${Object.keys(shown.session?.vote?.totals ?? {}).length} cards) | 1 | ${reveal[0]?.toFixed(1)} | | |`,
  );
  console.log(`ratio vote/read p50: ${(pct(votes, 0.5) / pct(reads, 0.5)).toFixed(2)}`);
} finally {
  await services.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
