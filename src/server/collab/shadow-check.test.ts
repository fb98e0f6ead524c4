import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { applyCommands, createMapDoc, roots } from "../../domain/index.ts";
import { COLLAB_LIMITS } from "./limits.ts";
import { applyAndCheck, problemOf, type Shadow } from "./shadow-check.ts";

const LIMITS = { ...COLLAB_LIMITS, maxCardText: 40, maxCardsPerMap: 12 };

/** A valid map: 2 stages, 2 lanes, 6 cards. */
function baseMap(): Y.Doc {
  const doc = createMapDoc("Prop", "current_state", { id: "m1" as never, now: "2026-12-01T00:00:00.000Z" });
  applyCommands(doc, [
    { type: "addStage", id: "s1" as never, name: "A" },
    { type: "addStage", id: "s2" as never, name: "B" },
    { type: "addLane", id: "l1" as never, laneType: "text", name: "Notes" },
    { type: "addLane", id: "l2" as never, laneType: "text", name: "More" },
    ...[1, 2, 3, 4, 5, 6].map((i) => ({
      type: "addCard" as const,
      id: `c${i}` as never,
      laneId: (i % 2 ? "l1" : "l2") as never,
      stageId: (i <= 3 ? "s1" : "s2") as never,
      text: `card ${i}`,
    })),
  ]);
  return doc;
}

const copy = (doc: Y.Doc) => {
  const d = new Y.Doc();
  Y.applyUpdate(d, Y.encodeStateAsUpdate(doc));
  return d;
};

/** One change a client may send: text edits (fast path) or anything else (full path). */
type Op =
  | { kind: "insert"; card: number; at: number; text: string }
  | { kind: "delete"; card: number; at: number; len: number }
  | {
      kind: "raw";
      what: "laneId" | "dropText" | "title" | "newCard" | "deleteStage" | "textNotText";
      card: number;
    };

const textArb = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.constantFrom("\u0000", "x\u0000y", "a".repeat(30), "ü😀"),
);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant("insert" as const),
      card: fc.nat(7),
      at: fc.nat(50),
      text: textArb,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("delete" as const),
      card: fc.nat(7),
      at: fc.nat(50),
      len: fc.nat(10),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("raw" as const),
      what: fc.constantFrom("laneId", "dropText", "title", "newCard", "deleteStage", "textNotText"),
      card: fc.nat(7),
    }),
  },
);

/** Applies `op` on a client replica and returns the Yjs update it sends (null: nothing to send). */
function updateOf(client: Y.Doc, op: Op): Uint8Array | null {
  const r = roots(client);
  const ids = [...r.cards.keys()].sort();
  const card = ids.length ? (r.cards.get(ids[op.card % ids.length] as string) as Y.Map<unknown>) : null;
  let update: Uint8Array | null = null;
  const grab = (u: Uint8Array) => {
    update = u;
  };
  client.on("update", grab);
  client.transact(() => {
    const text = card?.get("text");
    if (op.kind === "insert" && text instanceof Y.Text) text.insert(Math.min(op.at, text.length), op.text);
    else if (op.kind === "delete" && text instanceof Y.Text) {
      const at = Math.min(op.at, text.length);
      text.delete(at, Math.min(op.len, text.length - at));
    } else if (op.kind === "raw") {
      if (op.what === "laneId") card?.set("laneId", "nope");
      if (op.what === "dropText") card?.delete("text");
      if (op.what === "title") r.meta.set("title", 42);
      if (op.what === "deleteStage") r.stages.delete("s2");
      if (op.what === "textNotText") card?.set("text", "plain string");
      if (op.what === "newCard" && card) {
        const m = new Y.Map<unknown>();
        for (const [k, v] of card.entries()) if (!(v instanceof Y.AbstractType)) m.set(k, v);
        m.set("id", `n${op.card}-${ids.length}`);
        m.set("text", new Y.Text("new"));
        r.cards.set(`n${op.card}-${ids.length}`, m);
      }
    }
  });
  client.off("update", grab);
  return update;
}

describe("validating only what an update touched", () => {
  it("accepts and rejects exactly what validating the whole map does (property)", () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 25 }), (ops) => {
        const server = baseMap();
        expect(problemOf(server, LIMITS)).toBeNull();
        runFrom(server, ops, true);
      }),
      { numRuns: 80, seed: 20261201 },
    );
  });
});

/**
 * Sends `ops` one by one to a guard whose shadow starts as a copy of `server` (known valid or not)
 * and compares each answer with a full check; after a rejection the guard starts again from a
 * fresh copy of the accepted document, as ValidationExtension does.
 */
function runFrom(server: Y.Doc, ops: Op[], knownValid: boolean): void {
  const shadow: Shadow = { doc: copy(server), shown: null };
  if (knownValid) applyAndCheck(shadow, new Uint8Array([0, 0]), LIMITS);
  for (const op of ops) {
    const update = updateOf(copy(server), op);
    if (!update) continue;
    const full = copy(server);
    Y.applyUpdate(full, update);
    const expected = problemOf(full, LIMITS);
    const got = applyAndCheck(shadow, update, LIMITS);
    expect(got === null, `${JSON.stringify(op)}: fast ${got} vs full ${expected}`).toBe(expected === null);
    if (got !== null) {
      runFrom(server, ops.slice(ops.indexOf(op) + 1), false);
      return;
    }
    Y.applyUpdate(server, update);
  }
}
