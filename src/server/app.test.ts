import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestStore, type TestStore } from "../testing/databases.ts";
import { createApp } from "./app.ts";
import { localAuthenticator, tokenAuthenticator } from "./auth.ts";
import { testClient } from "./test-client.ts";

describe("app", () => {
  let t: TestStore;
  beforeEach(async () => {
    t = await createTestStore("sqlite");
  });
  afterEach(async () => t.dispose());

  it("answers health and lists at least 12 templates including the pizza restaurant", async () => {
    const api = testClient(createApp({ store: t.store, auth: localAuthenticator() }));
    const health = await api.get("/api/health");
    expect(health.json).toEqual({ status: "ok", version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    const templates = (await api.get("/api/templates")).json;
    expect(templates.length).toBeGreaterThanOrEqual(12);
    const pizza = templates.find((x: { id: string }) => x.id === "pizza-restaurant");
    expect(pizza).toMatchObject({ stageCount: 8, personaNames: ["Eva Moline"] });
    expect(Object.keys(pizza).sort()).toEqual(
      expect.arrayContaining(["id", "title", "kind", "stageCount", "personaNames"]),
    );
  });

  it("local mode refuses other machines, foreign hosts and cross-site origins", async () => {
    const app = createApp({ store: t.store, auth: localAuthenticator() });
    expect((await testClient(app, "10.1.2.3").get("/api/journeys")).status).toBe(403);
    const local = testClient(app);
    expect((await local.get("/api/journeys", { host: "evil.example:4400" })).status).toBe(403);
    expect(
      (
        await local.post(
          "/api/journeys",
          { title: "x", kind: "current_state" },
          { origin: "https://evil.example" },
        )
      ).status,
    ).toBe(403);
    expect((await local.get("/api/journeys", { origin: "http://localhost:4400" })).status).toBe(200);
    expect((await testClient(app, "::ffff:127.0.0.1").get("/api/journeys")).status).toBe(200);
  });

  it("token mode needs a valid bearer token and keeps viewers read-only", async () => {
    const app = createApp({ store: t.store, auth: tokenAuthenticator(t.store.tokens) });
    const api = testClient(app, "10.0.0.5");
    const now = new Date().toISOString();
    const editor = await t.store.tokens.create("editor", "editor", now);
    const viewer = await t.store.tokens.create("viewer", "viewer", now);
    expect((await api.get("/api/journeys")).status).toBe(401);
    expect((await api.get("/api/journeys", { authorization: "Bearer nope" })).json.error.code).toBe(
      "unauthorized",
    );
    expect((await api.get("/api/journeys", { authorization: `Bearer ${viewer}` })).status).toBe(200);
    const body = { title: "x", kind: "current_state" };
    expect((await api.post("/api/journeys", body, { authorization: `Bearer ${viewer}` })).status).toBe(403);
    expect((await api.post("/api/journeys", body, { authorization: `Bearer ${editor}` })).status).toBe(201);
    expect((await api.get("/api/health")).status).toBe(200);
  });
});

describe("security headers", () => {
  it("sends a Content-Security-Policy that allows only Wayline's own scripts", async () => {
    const t = await createTestStore("sqlite");
    try {
      const res = await testClient(createApp({ store: t.store, auth: localAuthenticator() })).get(
        "/api/health",
      );
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    } finally {
      await t.dispose();
    }
  });
});
