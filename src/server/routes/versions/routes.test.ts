import { describe, expect, it } from "vitest";
import { useTestApi } from "../../test-api.ts";

type Json = Record<string, unknown> & { version: number };

describe("versions API", () => {
  const ctx = useTestApi();

  async function mapWithCard() {
    const m = (await ctx.api.post("/api/journeys", { title: "Support", kind: "current_state" })).json as Json;
    const r = await ctx.api.post(`/api/journeys/${m.id}/commands`, {
      baseVersion: m.version,
      commands: [
        { type: "addStage", id: "s1", name: "Ask" },
        { type: "addLane", id: "l1", laneType: "text", name: "Notes" },
        { type: "addCard", id: "c1", laneId: "l1", stageId: "s1", text: "Before the workshop" },
      ],
    });
    return r.json as Json;
  }

  it("names a version, lists it with a summary, previews it with a diff against now, restores it as a new change", async () => {
    const m = await mapWithCard();
    const named = await ctx.api.post(`/api/journeys/${m.id}/versions`, { label: "Before workshop" });
    expect(named.status).toBe(201);
    expect(named.json).toMatchObject({
      kind: "named",
      label: "Before workshop",
      authors: ["local"],
      summary: "First version",
    });
    const edited = await ctx.api.post(`/api/journeys/${m.id}/commands`, {
      baseVersion: m.version,
      commands: [
        { type: "updateCard", id: "c1", text: "After the workshop" },
        { type: "addStage", id: "s2", name: "Wait" },
      ],
    });
    expect(edited.status).toBe(200);
    const second = await ctx.api.post(`/api/journeys/${m.id}/versions`, { label: "Published Q3" });
    expect(second.json.summary).toBe("1 stage added, 1 card changed");
    const list = (await ctx.api.get(`/api/journeys/${m.id}/versions`)).json as unknown as { label: string }[];
    expect(list.map((v) => v.label)).toEqual(["Published Q3", "Before workshop"]);

    const detail = (await ctx.api.get(`/api/journeys/${m.id}/versions/${named.json.id}`)).json as {
      map: { cards: { text: string }[] };
      diffToNow: { stages: { added: { name: string }[] }; cards: { changed: unknown[] }[] };
    };
    expect(detail.map.cards[0]?.text).toBe("Before the workshop");
    expect(detail.diffToNow.stages.added.map((s) => s.name)).toEqual(["Wait"]);
    expect(detail.diffToNow.cards.flatMap((s) => s.changed)).toHaveLength(1);

    const restored = await ctx.api.post(`/api/journeys/${m.id}/versions/${named.json.id}/restore`);
    expect(restored.status).toBe(200);
    const after = restored.json as Json & { stages: { id: string }[]; cards: { text: string }[] };
    expect(after.version).toBe(edited.json.version + 1);
    expect(after.stages.map((s) => s.id)).toEqual(["s1"]);
    expect(after.cards.map((c) => c.text)).toEqual(["Before the workshop"]);
    // The state before the restore was kept, so the restore can be undone by restoring that.
    const history = (await ctx.api.get(`/api/journeys/${m.id}/versions`)).json as unknown as {
      id: string;
      kind: string;
      label: string;
    }[];
    expect(history[0]).toMatchObject({ kind: "restore", label: "Before restoring “Before workshop”" });
    const undone = await ctx.api.post(`/api/journeys/${m.id}/versions/${history[0]?.id}/restore`);
    expect((undone.json as { cards: { text: string }[] }).cards.map((c) => c.text)).toEqual([
      "After the workshop",
    ]);
  });

  it("answers 404 for unknown maps and versions and 400 for a bad label", async () => {
    const m = await mapWithCard();
    expect((await ctx.api.get("/api/journeys/nope/versions")).status).toBe(404);
    expect((await ctx.api.get(`/api/journeys/${m.id}/versions/nope`)).status).toBe(404);
    expect((await ctx.api.post(`/api/journeys/${m.id}/versions/nope/restore`)).status).toBe(404);
    const bad = await ctx.api.post(`/api/journeys/${m.id}/versions`, { label: "" });
    expect(bad.status).toBe(400);
    expect((await ctx.api.post(`/api/journeys/${m.id}/versions`, { label: "x", extra: 1 })).status).toBe(400);
  });
});
