import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestStore, type TestStore } from "../testing/databases.ts";
import { createApp } from "./app.ts";
import { localAuthenticator } from "./auth.ts";
import { rateLimitFromEnv } from "./rate-limit.ts";
import { testClient } from "./test-client.ts";

describe("rate limit", () => {
  let t: TestStore;
  beforeEach(async () => {
    t = await createTestStore("sqlite");
  });
  afterEach(async () => t.dispose());

  it("answers 429 with Retry-After once an identity passes its limit", async () => {
    const api = testClient(createApp({ store: t.store, auth: localAuthenticator(), rateLimitPerMinute: 5 }));
    const statuses = [];
    for (let i = 0; i < 7; i++) statuses.push((await api.get("/api/journeys")).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    const r = await api.get("/api/journeys");
    expect(r.json.error.code).toBe("rate_limited");
    expect(Number(r.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect((await api.get("/api/health")).status).toBe(200);
  });

  it("reads its setting from the environment", () => {
    expect(rateLimitFromEnv({})).toBe(1200);
    expect(rateLimitFromEnv({ WAYLINE_RATE_LIMIT: "0" })).toBe(0);
    expect(rateLimitFromEnv({ WAYLINE_RATE_LIMIT: "lots" })).toBe(1200);
  });
});
