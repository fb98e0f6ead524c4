import { describe, expect, it } from "vitest";
import { findConflicts } from "./conflicts.ts";

describe("findConflicts (stale batches on the REST API)", () => {
  it("finds nothing when the keys are disjoint", () => {
    const mine = { reads: ["stage:s1"], writes: ["card:c1.text", "lane:l1.name"] };
    expect(findConflicts(mine, ["card:c2.text", "stage:s2", "card:c1x.text"])).toEqual([]);
  });

  it("reports a key both sides wrote", () => {
    const mine = { reads: [], writes: ["card:c1.text", "card:c1.color"] };
    expect(findConflicts(mine, ["card:c1.text"])).toEqual(["card:c1.text"]);
  });

  it("reports a read entity the other side deleted (its whole key is a prefix)", () => {
    const mine = { reads: ["stage:s1", "lane:l1"], writes: ["card:new"] };
    expect(findConflicts(mine, ["stage:s1"])).toEqual(["stage:s1"]);
  });

  it("reports a field written by one side inside an entity written whole by the other, both ways", () => {
    expect(findConflicts({ reads: [], writes: ["card:c1.fields.owner"] }, ["card:c1"])).toEqual([
      "card:c1.fields.owner",
    ]);
    expect(findConflicts({ reads: [], writes: ["card:c1"] }, ["card:c1.text"])).toEqual(["card:c1"]);
  });

  it("does not treat a longer id as the same entity", () => {
    expect(findConflicts({ reads: ["stage:s1"], writes: [] }, ["stage:s10", "stage:s1x.name"])).toEqual([]);
  });
});
