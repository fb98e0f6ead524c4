import { describe, expect, it } from "vitest";
import { uploadCsvLog, useTestAppWithLogs } from "../../test-api.ts";

/** Activity names that make a backtracking engine take seconds on the rules below. */
const LONG_A = "a".repeat(30);
const LOG = [
  "case,activity,timestamp",
  `1,${LONG_A}!,2024-01-01T10:00:00Z`,
  `1,${LONG_A},2024-01-01T10:01:00Z`,
  `2,${"a".repeat(80)},2024-01-01T10:02:00Z`,
].join("\n");

describe("hostile activity rules on GET /api/journeys/:id/data", () => {
  const app = useTestAppWithLogs("hostile");

  async function mapWithRule(match: string, pattern: string) {
    const log = await uploadCsvLog(app.api, "hostile.csv", LOG);
    const m = (await app.api.post("/api/journeys", { title: "Hostile", kind: "current_state" })).json;
    const r = await app.api.post(`/api/journeys/${m.id}/commands`, {
      baseVersion: 1,
      commands: [
        { type: "addStage", id: "s-a", name: "A" },
        { type: "addActivityRule", match, pattern, stageId: "s-a" },
      ],
    });
    expect(r.status).toBe(200);
    return { mapId: m.id as string, logId: log.id as string };
  }

  /** Runs /data and, while it runs, /api/health; both must answer within a second. */
  async function timed(mapId: string, logId: string) {
    const started = performance.now();
    const data = app.api.get(`/api/journeys/${mapId}/data?logId=${logId}`).then((r) => ({
      r,
      ms: performance.now() - started,
    }));
    const health = app.api.get("/api/health").then((r) => ({ r, ms: performance.now() - started }));
    return { data: await data, health: await health };
  }

  it("answers fast with the regex ^(a+)+$ (RE2, linear time) and keeps /api/health answering", async () => {
    const { mapId, logId } = await mapWithRule("regex", "^(a+)+$");
    const { data, health } = await timed(mapId, logId);
    expect(data.r.status).toBe(200);
    expect(data.ms).toBeLessThan(1000);
    expect(health.r.status).toBe(200);
    expect(health.ms).toBeLessThan(1000);
    // The rule still means what it says: the all-"a" names are placed, the one ending in "!" is not.
    expect(data.r.json.hiddenActivities.map((h: { activity: string }) => h.activity)).toEqual([`${LONG_A}!`]);
  });

  it("answers fast with the wildcard *a*a*a*a*a*a*a*a*b (linear glob matcher)", async () => {
    const { mapId, logId } = await mapWithRule("wildcard", "*a*a*a*a*a*a*a*a*b");
    const { data, health } = await timed(mapId, logId);
    expect(data.r.status).toBe(200);
    expect(data.ms).toBeLessThan(1000);
    expect(health.ms).toBeLessThan(1000);
    expect(data.r.json.mappedCases).toBe(0);
  });
});
