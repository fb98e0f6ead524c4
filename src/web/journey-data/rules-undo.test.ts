import { describe, expect, it } from "vitest";
import { createEmptyMap, type MapCommand } from "../../domain/index.ts";
import { LocalMap } from "../state/local-map.ts";

describe("activity rules in the editor's local map", () => {
  it("gives a new rule an id so that undo (its inverse) deletes exactly that rule", () => {
    const local = new LocalMap(createEmptyMap("Claims", "current_state"));
    local.apply([{ type: "addStage", id: "s1", name: "Request" } as MapCommand]);
    const added = local.apply([
      {
        type: "addActivityRule",
        match: "wildcard",
        pattern: "examine *",
        ignoreCase: false,
        stageId: "s1",
      } as MapCommand,
    ]);
    const id = local.map.activityRules[0]?.id;
    expect(id).toBeTruthy();
    expect(added.inverse).toEqual([{ type: "deleteActivityRule", id }]);
    local.apply(added.inverse);
    expect(local.map.activityRules).toEqual([]);
  });
});
