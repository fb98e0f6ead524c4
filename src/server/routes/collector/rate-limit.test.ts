import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestStore, type TestStore } from "../../../testing/databases.ts";
import { createAppWithServices } from "../../app.ts";
import { localAuthenticator } from "../../auth.ts";
import { testClient } from "../../test-client.ts";

const CSV = "case,activity,timestamp\nc1,Visit,2026-01-01T10:00:00Z\nc1,Buy,2026-01-01T10:05:00Z\n";
/** The per-key limit of this test (`WAYLINE_COLLECTOR_RATE_LIMIT`): small, to reach it in a few calls. */
const PER_MINUTE = 3;

describe("collector: per write key rate limit (WAYLINE_COLLECTOR_RATE_LIMIT)", () => {
  let t: TestStore;
  let dataDir: string;
  let made: ReturnType<typeof createAppWithServices>;
  const saved = process.env.WAYLINE_COLLECTOR_RATE_LIMIT;
  beforeAll(async () => {
    t = await createTestStore("sqlite");
    dataDir = mkdtempSync(join(tmpdir(), "wayline-collector-rate-"));
    // Read once when the routes are made (collectorRateFromEnv).
    process.env.WAYLINE_COLLECTOR_RATE_LIMIT = String(PER_MINUTE);
    made = createAppWithServices({
      store: t.store,
      auth: localAuthenticator(),
      dataDir,
      rateLimitPerMinute: 0,
    });
  });
  afterAll(async () => {
    if (saved === undefined) delete process.env.WAYLINE_COLLECTOR_RATE_LIMIT;
    else process.env.WAYLINE_COLLECTOR_RATE_LIMIT = saved;
    await made.services.collector.flush();
    await made.services.close();
    await t.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  });
  const api = () => testClient(made.app);
  const newKey = async (name: string) => {
    const log = await api().post(`/api/logs?filename=${name}.csv`, CSV, {
      "content-type": "text/csv",
      "x-wayline-upload": "1",
    });
    expect(log.status).toBe(201);
    const key = await api().post(`/api/logs/${log.json.id}/write-key`);
    expect(key.status).toBe(201);
    return { log: log.json.id as string, key: key.json.key as string };
  };
  const track = (key: string, i: number) =>
    api().post(
      "/v1/track",
      {
        type: "track",
        userId: "u1",
        event: "Checkout",
        messageId: `rate-${key}-${i}`,
        timestamp: "2026-01-02T00:00:00Z",
      },
      { authorization: `Basic ${Buffer.from(`${key}:`).toString("base64")}` },
    );

  it("answers 429 with Retry-After past the limit; a key of another log is unaffected", async () => {
    const a = await newKey("limited");
    const b = await newKey("other");
    for (let i = 0; i < PER_MINUTE; i++) expect((await track(a.key, i)).status).toBe(200);
    const refused = await track(a.key, PER_MINUTE);
    expect(refused.status).toBe(429);
    expect(refused.json.error.code).toBe("rate_limited");
    expect(refused.json.error.message).toMatch(
      /too many requests for this write key: at most 3 a minute; retry in \d+ s/,
    );
    // One token comes back every 60/3 = 20 s: the client is told to wait up to that.
    const wait = Number(refused.headers.get("retry-after"));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60 / PER_MINUTE);
    for (let i = 0; i < PER_MINUTE; i++) expect((await track(b.key, i)).status).toBe(200);
    await made.services.collector.flush();
    const stats = async (log: string) => (await api().get(`/api/logs/${log}/stats`)).json.events;
    // The refused call appended nothing: 2 events of the file + 3 accepted calls each.
    expect(await stats(a.log)).toBe(2 + PER_MINUTE);
    expect(await stats(b.log)).toBe(2 + PER_MINUTE);
  });
});
