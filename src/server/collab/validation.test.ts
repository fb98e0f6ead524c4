import { Document } from "@hocuspocus/server";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { applyCommands, createMapDoc, roots } from "../../domain/index.ts";
import { COLLAB_LIMITS } from "./limits.ts";
import type { Shadow } from "./shadow-check.ts";
import { ValidationExtension } from "./validation.ts";

/** A valid map with one stage, one lane and card c1. */
function seeded(): Y.Doc {
  const doc = createMapDoc("Guard", "current_state", { id: "m1" as never, now: "2026-12-01T00:00:00.000Z" });
  applyCommands(doc, [
    { type: "addStage", id: "s1" as never, name: "A" },
    { type: "addLane", id: "l1" as never, laneType: "text", name: "Notes" },
    { type: "addCard", id: "c1" as never, laneId: "l1" as never, stageId: "s1" as never, text: "hello" },
  ]);
  return doc;
}

/** The live document of a loaded map, with the guard following it. */
async function loaded(): Promise<{ guard: ValidationExtension; document: Document; shadow: () => Shadow }> {
  const guard = new ValidationExtension(COLLAB_LIMITS);
  const document = new Document("m1");
  Y.applyUpdate(document, Y.encodeStateAsUpdate(seeded()));
  await guard.afterLoadDocument({ documentName: "m1", document } as never);
  const shadows = (guard as unknown as { shadows: Map<string, Shadow> }).shadows;
  return { guard, document, shadow: () => shadows.get("m1") as Shadow };
}

/** An update made elsewhere (another process through Redis, a stored row): the guard never saw it. */
function fromElsewhere(document: Document, change: (doc: Y.Doc) => void): void {
  const other = new Y.Doc();
  Y.applyUpdate(other, Y.encodeStateAsUpdate(document));
  const before = Y.encodeStateVector(other);
  change(other);
  Y.applyUpdate(document, Y.encodeStateAsUpdate(other, before), "__hocuspocus__redis__origin__");
}

describe("the guard's shadow of a live map", () => {
  it("is known valid from the load on, and stays so through updates it did not check", async () => {
    const { document, shadow } = await loaded();
    expect(shadow().shown).toEqual(new Set(["c1"])); // checked at load: the first edit is incremental
    fromElsewhere(document, (d) => {
      const text = roots(d).cards.get("c1")?.get("text") as Y.Text;
      text.insert(text.length, " from the other process");
    });
    expect(String(roots(shadow().doc).cards.get("c1")?.get("text"))).toBe("hello from the other process");
    expect(shadow().shown).toEqual(new Set(["c1"]));
    // A structural update from elsewhere is checked whole when it arrives: still known, with the new card.
    fromElsewhere(document, (d) =>
      applyCommands(d, [
        { type: "addCard", id: "c2" as never, laneId: "l1" as never, stageId: "s1" as never, text: "new" },
      ]),
    );
    expect(shadow().shown).toEqual(new Set(["c1", "c2"]));
  });
});
