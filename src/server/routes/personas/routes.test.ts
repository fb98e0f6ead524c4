import { describe, expect, it } from "vitest";
import { useTestApi } from "../../test-api.ts";

describe("personas API", () => {
  const ctx = useTestApi();

  it("creates, reads, updates, lists and deletes personas", async () => {
    const c = await ctx.api.post("/api/personas", {
      name: "Alana Brooks",
      role: "Project manager",
      techSavviness: 4,
    });
    expect(c.status).toBe(201);
    expect(c.json).toMatchObject({
      name: "Alana Brooks",
      avatar: { initials: "AB" },
      techSavviness: 4,
      needs: [],
    });
    const u = await ctx.api.patch(`/api/personas/${c.json.id}`, { needs: ["Fewer emails"], age: 38 });
    expect(u.json).toMatchObject({ needs: ["Fewer emails"], age: 38, role: "Project manager" });
    expect((await ctx.api.get("/api/personas")).json).toHaveLength(1);
    expect((await ctx.api.get(`/api/personas/${c.json.id}`)).json.age).toBe(38);
    expect((await ctx.api.delete(`/api/personas/${c.json.id}`)).status).toBe(204);
    expect((await ctx.api.get(`/api/personas/${c.json.id}`)).status).toBe(404);
  });

  it("rejects bad persona input with paths", async () => {
    const r = await ctx.api.post("/api/personas", { name: "", age: 200 });
    expect(r.status).toBe(400);
    expect(r.json.error.details.problems.map((p: { path: string }) => p.path).sort()).toEqual([
      "body.age",
      "body.name",
    ]);
    const c = await ctx.api.post("/api/personas", { name: "Eva" });
    expect((await ctx.api.patch(`/api/personas/${c.json.id}`, { id: "other" })).status).toBe(400);
    expect(
      (await ctx.api.patch(`/api/personas/${c.json.id}`, { preferredChannels: ["fax"] })).json.error.details
        .problems[0].path,
    ).toBe("body.preferredChannels[0]");
    expect((await ctx.api.post("/api/personas", { name: "Eva", id: c.json.id })).status).toBe(409);
    expect((await ctx.api.patch("/api/personas/nobody", { age: 3 })).status).toBe(404);
  });

  it("attaches a persona to a map through commands", async () => {
    const p = (await ctx.api.post("/api/personas", { name: "Eva" })).json;
    const m = (await ctx.api.post("/api/journeys", { title: "M", kind: "current_state" })).json;
    const r = await ctx.api.post(`/api/journeys/${m.id}/commands`, {
      baseVersion: 1,
      commands: [{ type: "attachPersona", personaId: p.id }],
    });
    expect(r.json.personas.map((x: { name: string }) => x.name)).toEqual(["Eva"]);
  });
});
