import { describe, expect, it, vi } from "vitest";
import type { MapView } from "../../contract/journeys.ts";
import type { MapCommand } from "../../domain/index.ts";
import { buildTemplate } from "../../domain/templates/index.ts";
import { sequentialIds } from "../../domain/testing.ts";
import { ApiError } from "../api/client.ts";
import { MapSession, type SessionApi } from "./session.ts";

function view(version = 1): MapView {
  const { map, personas } = buildTemplate("pizza-restaurant", {
    now: "2026-01-01T00:00:00.000Z",
    newId: sequentialIds("t"),
  });
  return { ...map, personas, version };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe("MapSession", () => {
  it("applies locally at once, saves with baseVersion, and undoes/redoes through inverse commands", async () => {
    const v = view(3);
    const sent: { base: number; types: string[]; state: string }[] = [];
    let s: MapSession;
    const client: SessionApi = {
      applyCommands: vi.fn(async (_id: string, base: number, cmds: MapCommand[]) => {
        sent.push({ base, types: cmds.map((c) => c.type), state: s.store.getState().save });
        return { ...v, version: base + 1, created: [] };
      }),
      getJourney: vi.fn(),
    };
    s = new MapSession(v, client);
    const stage = v.stages[0];
    if (!stage) throw new Error("no stage");
    s.dispatch([{ type: "renameStage", id: stage.id, name: "Hearing" }]);
    expect(s.store.getState().map.stages[0]?.name).toBe("Hearing");
    expect(sent).toEqual([]); // sent after the frame is painted, not inside the input handler
    await s.whenIdle();
    expect(sent[0]).toEqual({ base: 3, types: ["renameStage"], state: "saving" });
    expect(s.store.getState().save).toBe("saved");
    s.undo();
    expect(s.store.getState().map.stages[0]?.name).toBe(stage.name);
    await s.whenIdle();
    s.redo();
    expect(s.store.getState().map.stages[0]?.name).toBe("Hearing");
    await s.whenIdle();
    expect(sent.map((x) => x.base)).toEqual([3, 4, 5]);
    s.dispose();
  });

  it("on 409 reloads the map, re-applies what still applies and reports what could not be", async () => {
    const v = view(1);
    const card = v.cards[0];
    const stage = v.stages[1];
    if (!card || !stage) throw new Error("template too small");
    // The server's newer map: someone else deleted the card we are editing.
    const theirs: MapView = { ...v, cards: v.cards.filter((c) => c.id !== card.id), version: 2 };
    let calls = 0;
    const client: SessionApi = {
      applyCommands: vi.fn(async (_id: string, base: number, cmds: MapCommand[]) => {
        calls++;
        if (calls === 1) throw new ApiError(409, "conflict", "stale", { currentVersion: 2 });
        return {
          ...theirs,
          stages: theirs.stages.map((x) => (x.id === stage.id ? { ...x, name: "Renamed" } : x)),
          version: base + cmds.length,
          created: [],
        };
      }),
      getJourney: vi.fn(async () => theirs),
    };
    const s = new MapSession(v, client);
    s.dispatch([{ type: "updateCard", id: card.id, text: "My careful wording" }]);
    s.dispatch([{ type: "renameStage", id: stage.id, name: "Renamed" }]);
    await tick();
    await s.whenIdle();
    const st = s.store.getState();
    expect(st.map.cards.some((c) => c.id === card.id)).toBe(false);
    expect(st.map.stages.find((x) => x.id === stage.id)?.name).toBe("Renamed");
    expect(st.notice?.title).toMatch(/Someone else changed this map/);
    expect(st.notice?.lines.join("\n")).toContain("My careful wording");
    expect(st.canUndo).toBe(false);
    s.dispose();
  });
});
