/**
 * What the activity log adds to one edit of a large map (20 stages × 12 lanes × 600 cards): the
 * live tracker's flush (read the plain map without validation, then `diffMaps`) next to the costs
 * an edit already has (the command itself; reading the map with validation, as every REST edit
 * does when it stores its snapshot). Run: npx tsx bench/activity-diff.ts
 */
import { loadavg } from "node:os";
import { applyCommands, fromYDoc, toYDoc } from "../src/domain/index.ts";
import { diffMaps } from "../src/services/activity/map-diff.ts";
import { generateBenchMap } from "./editor/generate.ts";

const map = generateBenchMap();
const doc = toYDoc(map);
const stage = map.stages[3]?.id as string;
const card = map.cards[100]?.id as string;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const results: [string, number][] = [];
function time(label: string, fn: (i: number) => void, n = 40): number {
  const out: number[] = [];
  for (let i = 0; i < 5; i++) fn(-1 - i);
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    fn(i);
    out.push(performance.now() - t);
  }
  const m = median(out);
  results.push([label, m]);
  return m;
}
console.log(
  `cards ${map.cards.length}, load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(" ")}`,
);
const command = time("applyCommands(updateCard)", (i) =>
  applyCommands(doc, [{ type: "updateCard", id: card as never, text: `Text ${i}` }]),
);
const validated = time("fromYDoc with validation (baseline)", () => fromYDoc(doc));
const read = time("fromYDoc without validation (flush, part 1)", () => fromYDoc(doc, { validate: false }));
const a = fromYDoc(doc, { validate: false });
applyCommands(doc, [{ type: "renameStage", id: stage as never, name: "Renamed" }]);
const b = fromYDoc(doc, { validate: false });
const diff = time("diffMaps, one stage renamed (flush, part 2)", () => {
  if (diffMaps(a, b).length !== 1) throw new Error("expected one change");
});
const flush = read + diff;
for (const [label, ms] of results) console.log(`${label.padEnd(48)} median ${ms.toFixed(2)} ms`);
console.log(
  `flush (read + diff) ${flush.toFixed(2)} ms = ${(flush / validated).toFixed(2)} × a validated read, ${(flush / command).toFixed(2)} × the command`,
);
