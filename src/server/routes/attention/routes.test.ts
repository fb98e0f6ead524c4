import { describe, expect, it } from "vitest";
import { useTestApi } from "../../test-api.ts";

describe("needs-attention API", () => {
  const ctx = useTestApi({ clock: () => "2026-11-23T12:00:00.000Z" });

  it("lists overdue pain points and unowned ones across maps, filtered by owner and kind", async () => {
    const a = (await ctx.api.post("/api/journeys", { title: "Checkout", kind: "current_state" })).json;
    const b = (await ctx.api.post("/api/journeys", { title: "Onboarding", kind: "current_state" })).json;
    await ctx.api.patch(`/api/journeys/${b.id}`, { owner: "Maria" });
    const addPain = async (m: { id: string }, owner: string | null, dueDate: string) => {
      const cur = (await ctx.api.get(`/api/journeys/${m.id}`)).json;
      const r = await ctx.api.post(`/api/journeys/${m.id}/commands`, {
        baseVersion: cur.version,
        commands: [
          { type: "addStage", id: "s1", name: "Pay" },
          { type: "addLane", id: "lp", laneType: "pain_points" },
          { type: "addCard", laneId: "lp", stageId: "s1", text: "Card declined", fields: { owner, dueDate } },
        ],
      });
      expect(r.status).toBe(200);
    };
    await addPain(a, "Ben", "2026-10-01");
    await addPain(b, null, "2027-01-01");

    const all = await ctx.api.get("/api/attention");
    expect(all.status).toBe(200);
    expect(all.json.today).toBe("2026-11-23");
    expect(all.json.counts).toMatchObject({
      "pain-overdue": 1,
      "pain-no-owner": 1,
      "future-state-missing": 2,
    });
    expect(all.json.items[0]).toMatchObject({
      kind: "pain-overdue",
      mapId: a.id,
      mapTitle: "Checkout",
      owner: "Ben",
      dueDate: "2026-10-01",
      message: "Pain point “Card declined” was due on 2026-10-01 (53 days overdue).",
    });

    const maria = (await ctx.api.get("/api/attention?owner=maria")).json;
    expect(maria.items.map((i: { kind: string; mapId: string }) => [i.kind, i.mapId])).toEqual([
      ["pain-no-owner", b.id],
      ["future-state-missing", b.id],
    ]);
    const kinds = (await ctx.api.get("/api/attention?kind=pain-overdue,pain-no-owner")).json;
    expect(kinds.items.map((i: { kind: string }) => i.kind)).toEqual(["pain-overdue", "pain-no-owner"]);
  });

  it("rejects unknown kinds and parameters", async () => {
    const bad = await ctx.api.get("/api/attention?kind=pain-overdue,late");
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe("invalid_request");
    expect(JSON.stringify(bad.json.error.details)).toContain("query.kind");
    expect((await ctx.api.get("/api/attention?owners=x")).status).toBe(400);
    expect((await ctx.api.get("/api/attention?owner=")).status).toBe(400);
  });
});
