import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readAllEvents } from "../../../analytics/import/read-log.ts";
import { ReferenceEngine } from "../../../analytics/reference/reference-engine.ts";
import { createTestStore, type TestStore } from "../../../testing/databases.ts";
import { INTERVAL_CSV, INTERVAL_STAGES } from "../../../testing/interval-log.ts";
import { createAppWithServices } from "../../app.ts";
import { localAuthenticator } from "../../auth.ts";
import { testClient } from "../../test-client.ts";

const H = 3_600_000;
const M = 60_000;

describe("GET /api/logs/:id/durations and /api/journeys/:id/data/durations", () => {
  let t: TestStore;
  let dataDir: string;
  let api: ReturnType<typeof testClient>;
  let close: () => Promise<void>;
  beforeEach(async () => {
    t = await createTestStore("sqlite");
    dataDir = mkdtempSync(join(tmpdir(), "wayline-durations-"));
    const { app, services } = createAppWithServices({ store: t.store, auth: localAuthenticator(), dataDir });
    api = testClient(app);
    close = () => services.logs.close();
  });
  afterEach(async () => {
    await close();
    await t.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** The interval log imported, and a claims map whose rules place each activity in a stage. */
  async function setUp() {
    const log = await api.post("/api/logs?filename=claims.csv", INTERVAL_CSV, {
      "content-type": "text/csv",
      "x-wayline-upload": "1",
    });
    expect(log.status).toBe(201);
    const m = (await api.post("/api/journeys", { title: "Claims", kind: "service_blueprint" })).json;
    const r = await api.post(`/api/journeys/${m.id}/commands`, {
      baseVersion: m.version,
      commands: [
        ...INTERVAL_STAGES.flatMap((s) => [
          { type: "addStage", id: s.id, name: s.name },
          { type: "addActivityRule", match: "exact", pattern: s.activity, stageId: s.id },
        ]),
        { type: "updateStage", id: "s-intake", sla: { targetMs: 4 * 24 * H } },
        { type: "updateStage", id: "s-review", sla: { targetMs: 24 * H, label: "Reviewed within a day" } },
      ],
    });
    expect(r.status).toBe(200);
    return { logId: log.json.id as string, mapId: m.id as string };
  }

  it("answers activity durations equal to the reference engine's on the same file", async () => {
    const { logId } = await setUp();
    const r = await api.get(`/api/logs/${logId}/durations`);
    expect(r.status).toBe(200);
    const file = join(dataDir, "claims.csv");
    writeFileSync(file, INTERVAL_CSV);
    const ref = new ReferenceEngine();
    await ref.load({ events: (await readAllEvents(file)).events });
    expect(r.json).toEqual(await ref.activityDurations());
    expect(
      r.json.activities.find((a: { activity: string }) => a.activity === "Review").duration.medianMs,
    ).toBe(24 * H);
  });

  it("puts each stage's time in stage beside its SLA: breached when p90 is above the target", async () => {
    const { logId, mapId } = await setUp();
    const r = await api.get(`/api/journeys/${mapId}/data/durations?logId=${logId}`);
    expect(r.status).toBe(200);
    expect(r.json.logName).toBe("claims");
    const byId = Object.fromEntries(r.json.stages.map((s: { stageId: string }) => [s.stageId, s]));
    // Review: c1 24 h 30 min, c2 24 h 5 min, c3 0 (its last stage event) → p90 24 h 25 min > 1 d.
    expect(byId["s-review"]).toMatchObject({
      cases: 3,
      status: "breached",
      sla: { targetMs: 24 * H, label: "Reviewed within a day" },
      duration: { medianMs: 24 * H + 5 * M, p90Ms: 24 * H + 25 * M },
    });
    expect(byId["s-intake"]).toMatchObject({ cases: 3, status: "met" });
    expect(byId["s-decide"]).toMatchObject({ cases: 2, status: "no_sla" });
    expect(r.json.activities.map((a: { activity: string }) => a.activity)).toEqual([
      "Approve",
      "Review",
      "Submit",
    ]);
  });

  it("says no data for a stage with an SLA that no activity reaches, and rejects a missing logId", async () => {
    const { logId, mapId } = await setUp();
    const m = (await api.get(`/api/journeys/${mapId}`)).json;
    await api.post(`/api/journeys/${mapId}/commands`, {
      baseVersion: m.version,
      commands: [
        { type: "addStage", id: "s-pay", name: "Payment" },
        { type: "updateStage", id: "s-pay", sla: { targetMs: H } },
      ],
    });
    const r = await api.get(`/api/journeys/${mapId}/data/durations?logId=${logId}`);
    expect(r.json.stages.find((s: { stageId: string }) => s.stageId === "s-pay")).toMatchObject({
      cases: 0,
      status: "no_data",
    });
    const bad = await api.get(`/api/journeys/${mapId}/data/durations`);
    expect(bad.status).toBe(400);
    expect(bad.json.error.details.problems[0].path).toBe("query.logId");
  });
});
