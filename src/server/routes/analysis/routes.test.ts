import { describe, expect, it } from "vitest";
import { createApp } from "../../app.ts";
import { localAuthenticator } from "../../auth.ts";
import { useTestApi } from "../../test-api.ts";

describe("analysis API", () => {
  const ctx = useTestApi({ clock: () => "2026-11-23T12:00:00.000Z" });

  it("checks a blank map and reports what it is missing", async () => {
    const m = (await ctx.api.post("/api/journeys", { title: "Blank", kind: "current_state" })).json;
    const r = await ctx.api.get(`/api/journeys/${m.id}/check`);
    expect(r.status).toBe(200);
    const rules = r.json.findings.map((f: { rule: string }) => f.rule);
    expect(rules).toEqual(
      expect.arrayContaining(["persona-missing", "stage-count", "emotion-missing", "goal-missing"]),
    );
    expect(r.json.score).toBeLessThan(60);
    expect(r.json.findings[0]).toEqual({
      rule: expect.any(String),
      severity: expect.stringMatching(/^(error|warning|info)$/),
      message: expect.any(String),
      location: expect.objectContaining({ mapId: m.id }),
      hint: expect.any(String),
    });
  });

  it("scores a well-built map high and honours workspace settings", async () => {
    const m = (await ctx.api.post("/api/journeys", { templateId: "pizza-restaurant" })).json;
    const before = (await ctx.api.get(`/api/journeys/${m.id}/check`)).json;
    expect(before.score).toBeGreaterThanOrEqual(60);
    const rule = before.findings[0]?.rule ?? "future-state-missing";
    const s = await ctx.api.patch("/api/settings", { health: { rules: { [rule]: "off" } } });
    expect(s.status).toBe(200);
    const after = (await ctx.api.get(`/api/journeys/${m.id}/check`)).json;
    expect(after.findings.map((f: { rule: string }) => f.rule)).not.toContain(rule);
    const bad = await ctx.api.patch("/api/settings", {
      health: { stageMin: 0, rules: { "no-such-rule": "off" } },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details.problems.map((p: { path: string }) => p.path)).toContain(
      "body.health.stageMin",
    );
  });

  it("gives insights: patterns, moments of truth, prioritised pain points", async () => {
    const m = (await ctx.api.post("/api/journeys", { templateId: "pizza-restaurant" })).json;
    const r = (await ctx.api.get(`/api/journeys/${m.id}/insights`)).json;
    expect(r.painPoints.length).toBeGreaterThan(0);
    expect(r.painPoints[0].rank).toBe(1);
    expect(Array.isArray(r.patterns)).toBe(true);
    expect(Array.isArray(r.momentsOfTruth)).toBe(true);
    expect(Array.isArray(r.quickWins)).toBe(true);
  });

  it("renders the stakeholder summary as Markdown, HTML and PDF", async () => {
    const m = (await ctx.api.post("/api/journeys", { templateId: "pizza-restaurant" })).json;
    const insights = (await ctx.api.get(`/api/journeys/${m.id}/insights`)).json;
    const top = insights.painPoints[0];
    const md = await ctx.store.db.selectFrom("journeys").select("id").execute();
    expect(md).toHaveLength(1);
    const app = createApp({
      store: ctx.store,
      auth: localAuthenticator(),
      clock: () => "2026-11-23T12:00:00.000Z",
    });
    const env = { incoming: { socket: { remoteAddress: "127.0.0.1" } } };
    const get = (q: string) =>
      app.request(`/api/journeys/${m.id}/summary${q}`, { headers: { host: "localhost" } }, env);
    const mdRes = await get("?format=md");
    expect(mdRes.headers.get("content-type")).toMatch(/text\/markdown/);
    const mdText = await mdRes.text();
    expect(mdText).toContain(top.text.split("\n")[0]);
    if (top.fields.owner) expect(mdText).toContain(top.fields.owner);
    const html = await (await get("?format=html")).text();
    expect(html).toMatch(/^<!doctype html>/i);
    const pdf = await get("?format=pdf&download");
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(pdf.headers.get("content-disposition")).toContain("summary.pdf");
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
    expect((await get("?format=docx")).status).toBe(400);
  });

  it("creates a linked future-state map and compares the two", async () => {
    const m = (await ctx.api.post("/api/journeys", { templateId: "pizza-restaurant" })).json;
    const f = await ctx.api.post(`/api/journeys/${m.id}/future-state`);
    expect(f.status).toBe(201);
    expect(f.json).toMatchObject({ kind: "future_state", counterpartId: m.id, status: "draft" });
    expect((await ctx.api.get(`/api/journeys/${m.id}`)).json.counterpartId).toBe(f.json.id);
    const stage = f.json.stages[4];
    await ctx.api.post(`/api/journeys/${f.json.id}/commands`, {
      baseVersion: f.json.version,
      commands: [
        { type: "renameStage", id: stage.id, name: "Enjoy the meal" },
        { type: "addStage", name: "Loyalty club" },
      ],
    });
    const cmp = await ctx.api.get(`/api/journeys/${m.id}/compare/${f.json.id}`);
    expect(cmp.status).toBe(200);
    const text = JSON.stringify(cmp.json);
    expect(text).toContain("Loyalty club");
    expect(text).toContain("Enjoy the meal");
    const checked = (await ctx.api.get(`/api/journeys/${m.id}/check`)).json.findings.map(
      (x: { rule: string }) => x.rule,
    );
    expect(checked).not.toContain("future-state-missing");
    expect((await ctx.api.post(`/api/journeys/${f.json.id}/future-state`)).status).toBe(400);
    expect((await ctx.api.get(`/api/journeys/${m.id}/compare/nope`)).status).toBe(404);
  });
});
