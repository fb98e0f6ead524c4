import { describe, expect, it } from "vitest";
import { useTestApi } from "./test-api.ts";

// biome-ignore lint/correctness/useHookAtTopLevel: useTestApi is a vitest fixture, not a React hook
const t = useTestApi();

describe("no silent acceptance (finding 8)", () => {
  it("updateCard refuses __proto__, constructor and prototype field keys and keeps the version", async () => {
    const m = (await t.api.post("/api/journeys", { templateId: "pizza-restaurant" })).json;
    const card = m.cards[0];
    for (const key of ["__proto__", "constructor", "prototype"]) {
      const body = `{"baseVersion":${m.version},"commands":[{"type":"updateCard","id":"${card.id}","fields":{"${key}":{"polluted":true}}}]}`;
      const r = await t.api.post(`/api/journeys/${m.id}/commands`, body);
      expect([key, r.status]).toEqual([key, 400]);
      expect(JSON.stringify(r.json.error)).toContain(key);
    }
    expect((await t.api.get(`/api/journeys/${m.id}`)).json.version).toBe(m.version);
  });

  it("PATCH /api/settings takes an object only, with known rule names", async () => {
    for (const body of [
      "[]",
      "null",
      "42",
      "true",
      '"x"',
      '{"health":{"rules":{"__proto__":"off"}}}',
      '{"other":1}',
    ]) {
      const r = await t.api.patch("/api/settings", body);
      expect([body, r.status, r.json.error.code]).toEqual([body, 400, "invalid_request"]);
    }
    expect((await t.api.patch("/api/settings", { health: {} })).status).toBe(200);
  });

  it("a union schema error names the field and its allowed values", async () => {
    const r = await t.api.post("/api/journeys", { title: "x", kind: "current-state" });
    expect(r.status).toBe(400);
    expect(r.json.error.message).toMatch(
      /^invalid body: body\.kind: .*expected one of "current_state"\|"future_state"/,
    );
  });
});
