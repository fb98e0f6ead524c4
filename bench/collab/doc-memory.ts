/**
 * Heap of one decoded 600-card map's Y.Doc (what the collab server holds per open map, twice:
 * the live document and the validation's shadow copy). Run: node --expose-gc --import tsx bench/collab/doc-memory.ts
 */
import * as Y from "yjs";
import { toYDoc } from "../../src/domain/index.ts";
import { generateBenchMap } from "../editor/generate.ts";

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with node --expose-gc");
const N = 20;
const state = Y.encodeStateAsUpdate(toYDoc(generateBenchMap()));
gc();
const h0 = process.memoryUsage().heapUsed;
const docs: Y.Doc[] = [];
for (let i = 0; i < N; i++) {
  const d = new Y.Doc();
  Y.applyUpdate(d, state);
  docs.push(d);
}
gc();
const h1 = process.memoryUsage().heapUsed;
console.log(
  `600-card map: Y state ${(state.length / 1024).toFixed(0)} KiB; one decoded Y.Doc ${((h1 - h0) / N / 2 ** 20).toFixed(2)} MiB of heap (mean of ${docs.length})`,
);
