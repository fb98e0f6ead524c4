import type { ELK } from "elkjs/lib/elk-api.js";
import ElkApi from "elkjs/lib/elk-api.js";
import workerUrl from "elkjs/lib/elk-worker.min.js?url";
import { elkConstructor } from "./process-layout.ts";

let elk: ELK | null = null;

/** One ELK in a Web Worker for the page, so laying out a large process map never blocks typing. */
export function workerElk(): ELK {
  if (!elk) elk = new (elkConstructor(ElkApi))({ workerUrl });
  return elk;
}
