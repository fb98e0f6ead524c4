import { afterEach, beforeEach, expect, it } from "vitest";
import { createTestStore, postgresAvailable, type TestStore } from "../../../testing/databases.ts";
import { describeWithService } from "../../../testing/services.ts";
import { createApp } from "../../app.ts";
import { localAuthenticator } from "../../auth.ts";
import { testClient } from "../../test-client.ts";

const pgUp = await postgresAvailable();

for (const dialect of ["sqlite", "postgres"] as const) {
  describeWithService("PostgreSQL", dialect === "sqlite" || pgUp, `journeys API on ${dialect}`, () => {
    let t: TestStore;
    let api: ReturnType<typeof testClient>;
    beforeEach(async () => {
      t = await createTestStore(dialect);
      api = testClient(createApp({ store: t.store, auth: localAuthenticator() }));
    });
    afterEach(async () => t.dispose());

    it("creates a map from the pizza template, edits it and finds it after a restart", async () => {
      const created = await api.post("/api/journeys", { templateId: "pizza-restaurant" });
      expect(created.status).toBe(201);
      const map = created.json;
      expect(map.stages.map((s: { name: string }) => s.name)).toEqual([
        "Aware",
        "Research",
        "Arrival",
        "Order",
        "Eat",
        "Leave",
        "Feedback",
        "Return",
      ]);
      expect(map.personas.map((p: { name: string }) => p.name)).toContain("Eva Moline");
      const lane = map.lanes.find((l: { type: string }) => l.type === "pain_points");
      const res = await api.post(`/api/journeys/${map.id}/commands`, {
        baseVersion: map.version,
        commands: [
          { type: "renameStage", id: map.stages[0].id, name: "Awareness" },
          {
            type: "addCard",
            laneId: lane.id,
            stageId: map.stages[3].id,
            text: "No allergen list",
            fields: { impact: "abandon", reach: 0.2 },
          },
        ],
      });
      expect(res.status).toBe(200);
      expect(res.json.version).toBe(map.version + 1);
      expect(res.json.created).toHaveLength(1);
      const restarted = testClient(createApp({ store: await t.reopen(), auth: localAuthenticator() }));
      const again = await restarted.get(`/api/journeys/${map.id}`);
      expect(again.json.stages[0].name).toBe("Awareness");
      expect(again.json.cards.find((c: { id: string }) => c.id === res.json.created[0]).text).toBe(
        "No allergen list",
      );
      expect(again.json.version).toBe(map.version + 1);
    });

    it("creates blank maps, lists them with filters, patches and deletes", async () => {
      const a = await api.post("/api/journeys", { title: "Onboarding", kind: "user_journey" });
      await api.post("/api/journeys", { title: "Checkout", kind: "current_state" });
      expect(a.json).toMatchObject({
        title: "Onboarding",
        kind: "user_journey",
        status: "draft",
        version: 1,
        stages: [],
      });
      expect((await api.get("/api/journeys")).json).toHaveLength(2);
      expect(
        (await api.get("/api/journeys?kind=user_journey")).json.map((m: { title: string }) => m.title),
      ).toEqual(["Onboarding"]);
      expect((await api.get("/api/journeys?q=check")).json).toHaveLength(1);
      const patched = await api.patch(`/api/journeys/${a.json.id}`, {
        status: "in_review",
        goal: { statement: "Activate 40% in week 1" },
      });
      expect(patched.json).toMatchObject({
        status: "in_review",
        version: 2,
        goal: { statement: "Activate 40% in week 1" },
      });
      expect((await api.delete(`/api/journeys/${a.json.id}`)).status).toBe(204);
      expect((await api.get(`/api/journeys/${a.json.id}`)).status).toBe(404);
      expect((await api.delete(`/api/journeys/${a.json.id}`)).status).toBe(404);
    });

    it("merges a stale batch that does not conflict and rejects one that does with 409", async () => {
      const m = (await api.post("/api/journeys", { templateId: "pizza-restaurant" })).json;
      const [s0, s1] = m.stages;
      const first = await api.post(`/api/journeys/${m.id}/commands`, {
        baseVersion: m.version,
        commands: [{ type: "renameStage", id: s0.id, name: "First" }],
      });
      expect(first.status).toBe(200);
      const unrelated = await api.post(`/api/journeys/${m.id}/commands`, {
        baseVersion: m.version,
        commands: [{ type: "renameStage", id: s1.id, name: "Second" }],
      });
      expect(unrelated.status).toBe(200);
      const clash = await api.post(`/api/journeys/${m.id}/commands`, {
        baseVersion: m.version,
        commands: [{ type: "renameStage", id: s0.id, name: "Mine" }],
      });
      expect(clash.status).toBe(409);
      expect(clash.json.error).toMatchObject({
        code: "conflict",
        details: { currentVersion: m.version + 2 },
      });
      const ahead = await api.post(`/api/journeys/${m.id}/commands`, {
        baseVersion: 99,
        commands: [{ type: "renameStage", id: s0.id, name: "Future" }],
      });
      expect(ahead.status).toBe(409);
      expect((await api.get(`/api/journeys/${m.id}`)).json.stages[0].name).toBe("First");
    });

    it("rejects bad commands atomically with the path of the problem", async () => {
      const m = (await api.post("/api/journeys", { templateId: "pizza-restaurant" })).json;
      const bad = await api.post(`/api/journeys/${m.id}/commands`, {
        baseVersion: m.version,
        commands: [
          { type: "renameStage", id: m.stages[0].id, name: "Changed" },
          { type: "setEmotion", stageId: m.stages[0].id, personaId: m.personaIds[0], value: 42 },
        ],
      });
      expect(bad.status).toBe(400);
      expect(bad.json.error.code).toBe("invalid_command");
      expect(bad.json.error.details.problems[0].path).toBe("commands[1].value");
      const schemaBad = await api.post(`/api/journeys/${m.id}/commands`, {
        baseVersion: 1,
        commands: [{ type: "renameStage", id: "x" }],
      });
      expect(schemaBad.status).toBe(400);
      expect(schemaBad.json.error.details.problems[0].path).toBe("body.commands[0].name");
      const unknownPersona = await api.post(`/api/journeys/${m.id}/commands`, {
        baseVersion: m.version,
        commands: [{ type: "attachPersona", personaId: "ghost" }],
      });
      expect(unknownPersona.json.error.details.problems[0].path).toBe("commands[0].personaId");
      const after = await api.get(`/api/journeys/${m.id}`);
      expect(after.json.version).toBe(m.version);
      expect(after.json.stages[0].name).toBe(m.stages[0].name);
    });

    it("exports the native document and imports it back deep-equal", async () => {
      const m = (await api.post("/api/journeys", { templateId: "pizza-restaurant" })).json;
      const exp = await api.get(`/api/journeys/${m.id}/export?format=json`);
      expect(exp.status).toBe(200);
      expect(exp.headers.get("content-disposition")).toMatch(/\.wayline\.json"$/);
      expect(exp.json).toMatchObject({ format: "wayline", version: 1 });
      await api.delete(`/api/journeys/${m.id}`);
      const imp = await api.post("/api/journeys/import", exp.json);
      expect(imp.status).toBe(201);
      const { personas, version, ...map } = imp.json;
      expect(map).toEqual(exp.json.map);
      expect(personas).toEqual(exp.json.personas);
      const copy = await api.post("/api/journeys/import", exp.json);
      expect(copy.json.id).not.toBe(m.id);
      expect((await api.get(`/api/journeys/${m.id}/export?format=xml`)).status).toBe(400);
    });

    it("answers every kind of bad request with the documented error", async () => {
      const badJson = await api.post("/api/journeys", "{ not json");
      expect(badJson.status).toBe(400);
      expect(badJson.json.error).toMatchObject({ code: "invalid_request" });
      const unknown = await api.post("/api/journeys", { title: "X", kind: "current_state", colour: "red" });
      expect(unknown.status).toBe(400);
      const wrongKind = await api.post("/api/journeys", { title: "X", kind: "mind_map" });
      expect(wrongKind.status).toBe(400);
      const text = await api.post("/api/journeys", "hello", { "content-type": "text/plain" });
      expect(text.status).toBe(415);
      expect(text.json.error.code).toBe("unsupported_media_type");
      const big = await api.post("/api/journeys", {
        title: "x".repeat(3 * 1024 * 1024),
        kind: "current_state",
      });
      expect(big.status).toBe(413);
      expect(big.json.error.code).toBe("payload_too_large");
      const tpl = await api.post("/api/journeys", { templateId: "no-such-template" });
      expect(tpl.status).toBe(404);
      const badQuery = await api.get("/api/journeys?limit=0");
      expect(badQuery.status).toBe(400);
      expect(badQuery.json.error.details.problems[0].path).toBe("query.limit");
      const badImport = await api.post("/api/journeys/import", {
        format: "wayline",
        version: 1,
        map: {},
        personas: [],
      });
      expect(badImport.status).toBe(400);
      expect(badImport.json.error.code).toBe("invalid_document");
      expect(badImport.json.error.details.problems.map((p: { path: string }) => p.path)).toContain(
        "map.title",
      );
      expect((await api.get("/api/nothing-here")).status).toBe(404);
      expect((await api.get("/api/journeys")).status).toBe(200);
    });
  });
}
