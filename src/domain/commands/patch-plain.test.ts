import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { WaylineError } from "../errors.ts";
import type { JourneyMap } from "../model/journey-map.ts";
import { sequentialIds } from "../testing.ts";
import { fromYDoc } from "../ydoc/from-ydoc.ts";
import { applyCommands } from "./apply.ts";
import { arbitraryCommand, COMMAND_TYPES, generatedDoc } from "./arbitrary.ts";
import { COMMANDS, MapCommandSchema, patchPlain } from "./registry.ts";

const FAST = COMMAND_TYPES.filter((t) => COMMANDS[t].patchPlain);

describe("the editor's fast path (patchPlain) equals the full command path", () => {
  it("exists for the frequent, local edits", () => {
    expect(FAST).toEqual([
      "setMapProperties",
      "renamePhase",
      "renameStage",
      "renameLane",
      "setLaneCollapsed",
      "updateCard",
      "setEmotion",
    ]);
  });

  for (const type of FAST) {
    it(`${type}: patchPlain = applyCommands → fromYDoc on generated maps (null when refused)`, () => {
      let compared = 0;
      fc.assert(
        fc.property(fc.gen(), (g) => {
          const doc = generatedDoc(g, 4);
          const before = fromYDoc(doc);
          const parsed = MapCommandSchema.safeParse(g(() => arbitraryCommand(before, type)));
          if (!parsed.success) return;
          const fast = patchPlain(before, parsed.data);
          let full: JourneyMap | null = null;
          try {
            applyCommands(doc, [parsed.data], { now: before.updatedAt, newId: sequentialIds("x") });
            full = fromYDoc(doc);
          } catch (e) {
            if (!(e instanceof WaylineError)) throw e;
          }
          if (!full) expect(fast).toBeNull();
          else if (fast) {
            compared++;
            expect(fast).toEqual(full);
          }
        }),
        { seed: 20261201, numRuns: 50, endOnFailure: true },
      );
      expect(compared).toBeGreaterThan(10);
    });
  }
});
