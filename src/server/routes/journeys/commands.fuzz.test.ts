import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anyCommand } from "../../../domain/commands/arbitrary.ts";
import type { JourneyMap } from "../../../domain/index.ts";
import { JourneyMapSchema } from "../../../domain/model/journey-map.ts";
import { createTestStore, type TestStore } from "../../../testing/databases.ts";
import { createApp } from "../../app.ts";
import { localAuthenticator } from "../../auth.ts";
import { testClient } from "../../test-client.ts";

/**
 * Fuzzing POST /api/journeys/:id/commands (seeded, bounded): random and mutated command batches
 * from the command generators, and garbage JSON. Every answer is 200 (and the stored map still
 * validates) or a 4xx with the error shape whose problems name a JSON path — never a 500.
 */
let t: TestStore;
let api: ReturnType<typeof testClient>;
let mapId = "";
let start: JourneyMap;
beforeAll(async () => {
  t = await createTestStore("sqlite");
  api = testClient(createApp({ store: t.store, auth: localAuthenticator(), rateLimitPerMinute: 0 }));
  const created = await api.post("/api/journeys", { templateId: "pizza-restaurant" });
  mapId = created.json.id;
  start = (await api.get(`/api/journeys/${mapId}`)).json as JourneyMap;
});
afterAll(() => t.dispose());

const stats = { applied: 0, refused: 0 };

async function answersSafely(body: unknown): Promise<void> {
  const r = await api.call("POST", `/api/journeys/${mapId}/commands`, body);
  expect(r.status, JSON.stringify(r.json)?.slice(0, 300)).toBeLessThan(500);
  if (r.status === 200) {
    stats.applied++;
    const stored = await api.get(`/api/journeys/${mapId}`);
    const { version: _v, personas: _p, ...map } = stored.json;
    const checked = JourneyMapSchema.safeParse(map);
    expect(checked.success, checked.error?.message).toBe(true);
    return;
  }
  stats.refused++;
  expect([400, 404, 409, 413, 415]).toContain(r.status);
  expect(typeof r.json?.error?.code).toBe("string");
  expect(r.json.error.message.length).toBeGreaterThan(0);
  for (const p of (r.json.error.details?.problems ?? []) as { path: string }[])
    expect(p.path.length).toBeGreaterThan(0);
}

const version = async () => (await api.get(`/api/journeys/${mapId}`)).json.version as number;

/** A value replaced by something of the wrong shape, at a random key. */
const breakOne = (cmd: Record<string, unknown>) =>
  fc
    .record({
      key: fc.constantFrom(...Object.keys(cmd), "__proto__", "constructor", "extra"),
      value: fc.oneof(
        fc.constant(null),
        fc.string({ maxLength: 5 }),
        fc.integer(),
        fc.constant([]),
        fc.constant({}),
        fc.constant("\u0000"),
        fc.double(),
        fc.constant("x".repeat(5000)),
      ),
      drop: fc.boolean(),
    })
    .map(({ key, value, drop }) => {
      const copy: Record<string, unknown> = { ...cmd };
      if (drop) delete copy[key];
      else Object.defineProperty(copy, key, { value, enumerable: true, configurable: true, writable: true });
      return copy;
    });

describe("POST /api/journeys/:id/commands never answers 500 (fuzz, seeded, bounded)", () => {
  it("random command batches from the generators, on the current base version", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(anyCommand(start), { minLength: 1, maxLength: 4 }), async (commands) => {
        await answersSafely({ baseVersion: await version(), commands });
      }),
      { seed: 1510, numRuns: 60 },
    );
    expect(stats.applied).toBeGreaterThan(0);
  }, 30_000);

  it("mutated commands (a field dropped or of the wrong type, prototype keys) and stale or odd versions", async () => {
    const mutated = anyCommand(start).chain((c) => breakOne(c as unknown as Record<string, unknown>));
    await fc.assert(
      fc.asyncProperty(
        fc.array(mutated, { minLength: 1, maxLength: 3 }),
        fc.oneof(
          fc.constant("current"),
          fc.constant(0),
          fc.constant(-1),
          fc.constant(1.5),
          fc.constant("7"),
          fc.constant(2 ** 53),
        ),
        async (commands, base) => {
          await answersSafely({ baseVersion: base === "current" ? await version() : base, commands });
        },
      ),
      { seed: 1511, numRuns: 60 },
    );
    expect(stats.refused).toBeGreaterThan(0);
  }, 30_000);

  it("garbage JSON and non-JSON bodies", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.json({ maxDepth: 4 }),
          fc.string({ maxLength: 200 }),
          fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify({ baseVersion: 1, commands: v })),
          fc.jsonValue({ maxDepth: 3 }).map((v) =>
            JSON.stringify({
              baseVersion: 1,
              commands: [
                { type: "addCard", ...(typeof v === "object" && v && !Array.isArray(v) ? v : { v }) },
              ],
            }),
          ),
        ),
        async (raw) => {
          await answersSafely(raw);
        },
      ),
      { seed: 1512, numRuns: 80 },
    );
  }, 30_000);
});
