/**
 * Cost of one editing command on a large map (20 stages × 12 lanes × 600 cards), split into the
 * parts of `applyCommands`. Run: npx tsx bench/domain-apply.ts
 */
import * as Y from "yjs";
import { applyCommands, fromYDoc, JourneyMapSchema, toYDoc } from "../src/domain/index.ts";
import { generateBenchMap } from "./editor/generate.ts";

const map = generateBenchMap();
const doc = toYDoc(map);
const stage = map.stages[3]?.id as string;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
function time(label: string, fn: (i: number) => void, n = 30): void {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    fn(i);
    out.push(performance.now() - t);
  }
  console.log(`${label.padEnd(34)} median ${median(out).toFixed(2)} ms`);
}
time("copy the document", () => {
  const d = new Y.Doc();
  Y.applyUpdate(d, Y.encodeStateAsUpdate(doc));
});
time("fromYDoc without validation", () => fromYDoc(doc, { validate: false }));
const plain = fromYDoc(doc, { validate: false });
time("JourneyMapSchema.parse", () => JourneyMapSchema.parse(plain));
time("applyCommands(renameStage)", (i) =>
  applyCommands(doc, [{ type: "renameStage", id: stage as never, name: `Stage ${i}` }]),
);
