import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { applyDrawn, COMMAND_TYPES } from "../commands/arbitrary.ts";
import { JourneyMapSchema } from "../model/journey-map.ts";
import { sampleDoc } from "../testing.ts";
import { fromYDoc } from "./from-ydoc.ts";

/** Commands that collide most when run concurrently; drawn half of the time, any type otherwise. */
const HOT = [
  "addCard",
  "moveCard",
  "updateCard",
  "addStage",
  "moveStage",
  "deleteStage",
  "setEmotion",
] as const;
const TYPES = [...HOT, ...COMMAND_TYPES];

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe("replicas editing concurrently converge (seeded, all command types)", () => {
  it("2–3 replicas, random commands and random sync points: identical, valid maps", () => {
    let edits = 0;
    fc.assert(
      fc.property(fc.gen(), (g) => {
        // a small map (3 stages, 4 lanes), so that concurrent edits often meet in one place
        const base = sampleDoc();
        for (let i = 0; i < 3; i++) applyDrawn(base, g);
        const replicas = Array.from({ length: g(fc.integer, { min: 2, max: 3 }) }, () => {
          const r = new Y.Doc();
          Y.applyUpdate(r, Y.encodeStateAsUpdate(base));
          return r;
        });
        const pickReplica = () => replicas[g(fc.integer, { min: 0, max: replicas.length - 1 })] as Y.Doc;
        for (let step = 0; step < 30; step++) {
          if (g(fc.integer, { min: 0, max: 3 }) === 0) sync(pickReplica(), pickReplica());
          else if (applyDrawn(pickReplica(), g, TYPES[g(fc.integer, { min: 0, max: TYPES.length - 1 })]))
            edits++;
        }
        for (const a of replicas) for (const b of replicas) if (a !== b) sync(a, b);
        // a late joiner that receives the replicas' histories in the opposite order iterates its
        // Y.Maps in another insertion order: reading must not depend on that order
        const late = new Y.Doc();
        for (const r of [...replicas].reverse()) Y.applyUpdate(late, Y.encodeStateAsUpdate(r));
        const maps = [...replicas, late].map((r) => fromYDoc(r, { validate: false }));
        for (const m of maps) {
          expect(JourneyMapSchema.safeParse(m).success).toBe(true);
          expect(m).toEqual(maps[0]);
        }
      }),
      { seed: 20261203, numRuns: 30, endOnFailure: true },
    );
    expect(edits).toBeGreaterThan(100);
  });
});
