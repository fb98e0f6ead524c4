import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { WaylineError } from "../errors.ts";
import { sequentialIds } from "../testing.ts";
import { fromYDoc } from "../ydoc/from-ydoc.ts";
import { applyCommands } from "./apply.ts";
import { arbitraryCommand, COMMAND_TYPES, generatedDoc, visible } from "./arbitrary.ts";
import { invertCommand } from "./invert.ts";
import { MapCommandSchema } from "./registry.ts";

const now = "2026-03-01T00:00:00.000Z";

describe("every command's inverse undoes it (seeded, generated maps and commands)", () => {
  for (const type of COMMAND_TYPES) {
    it(`${type}: applying it then its inverse gives back the map`, () => {
      let undone = 0;
      fc.assert(
        fc.property(fc.gen(), (g) => {
          const doc = generatedDoc(g, 2);
          const before = fromYDoc(doc);
          const parsed = MapCommandSchema.safeParse(g(() => arbitraryCommand(before, type)));
          if (!parsed.success) return;
          try {
            applyCommands(doc, [parsed.data], { now, newId: sequentialIds("n") });
          } catch (e) {
            if (e instanceof WaylineError) return; // refused: nothing changed, nothing to undo
            throw e;
          }
          const inverse = invertCommand(before, parsed.data);
          for (const c of inverse) expect(MapCommandSchema.safeParse(c).success).toBe(true);
          applyCommands(doc, inverse, { now, newId: sequentialIds("u") });
          expect(visible(fromYDoc(doc))).toEqual(visible(before));
          undone++;
        }),
        { seed: 20261202, numRuns: 12, endOnFailure: true },
      );
      expect(undone).toBeGreaterThanOrEqual(3);
    });
  }
});
