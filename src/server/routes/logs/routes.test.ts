import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { describeWithSharedLogs, EVENTLOGS_DIR } from "../../../analytics/testing/shared-logs.ts";
import { useTestAppWithLogs } from "../../test-api.ts";

describeWithSharedLogs("event logs API and the map data overlay", () => {
  const app = useTestAppWithLogs("logs");

  const upload = (file: string, q = "") =>
    app.api.post(`/api/logs?filename=${file}${q}`, readFileSync(join(EVENTLOGS_DIR, file), "utf8"), {
      "content-type": "text/csv",
      "x-wayline-upload": "1",
    });

  it("imports a log, lists it with statistics and answers questions on it", async () => {
    const r = await upload("receipt.csv", "&name=Receipts");
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({
      name: "Receipts",
      fileName: "receipt.csv",
      stats: { events: 8577, cases: 1434, activities: 27, variants: 116 },
    });
    const id = r.json.id;
    expect((await app.api.get("/api/logs")).json.map((l: { id: string }) => l.id)).toEqual([id]);
    expect((await app.api.get(`/api/logs/${id}/stats`)).json.variants).toBe(116);
    const variants = (await app.api.get(`/api/logs/${id}/variants?top=3`)).json;
    expect(variants.variants).toHaveLength(3);
    expect((await app.api.get(`/api/logs/${id}/dfg`)).json.length).toBeGreaterThan(0);
    const start = variants.variants[0].activities[0];
    expect(
      (await app.api.get(`/api/logs/${id}/paths?from=${encodeURIComponent(start)}&depth=2`)).status,
    ).toBe(200);
    const steps = variants.variants[0].activities.slice(0, 2).map(encodeURIComponent).join(",");
    const funnel = await app.api.get(`/api/logs/${id}/funnel?steps=${steps}&window=30d`);
    expect(funnel.status).toBe(200);
    expect(funnel.json.steps[0].count).toBeGreaterThan(0);
    expect(
      (await app.api.get(`/api/logs/${id}/funnel?steps=a,b&window=soon`)).json.error.details.problems[0].path,
    ).toBe("query.window");
    expect((await app.api.delete(`/api/logs/${id}`)).status).toBe(204);
    expect((await app.api.get(`/api/logs/${id}/stats`)).status).toBe(404);
    expect(readdirSync(join(app.dataDir, "logs"))).toEqual([]);
  });

  it("rejects a file with no usable columns and keeps nothing half-written", async () => {
    const r = await app.api.post("/api/logs?filename=bad.csv", "a,b\n1,2\n", {
      "content-type": "text/csv",
      "x-wayline-upload": "1",
    });
    expect(r.status).toBe(400);
    expect(r.json.error.message).toMatch(/column/);
    expect((await app.api.get("/api/logs")).json).toEqual([]);
    expect(readdirSync(join(app.dataDir, "logs"))).toEqual([]);
    expect((await app.api.post("/api/logs?filename=../x.csv", "a")).status).toBe(400);
  });

  it("refuses uploads over WAYLINE_MAX_UPLOAD_MB with 413 and keeps nothing", async () => {
    process.env.WAYLINE_MAX_UPLOAD_MB = "0.001";
    try {
      const r = await upload("running-example.csv");
      expect(r.status).toBe(413);
      expect(r.json.error.code).toBe("payload_too_large");
    } finally {
      delete process.env.WAYLINE_MAX_UPLOAD_MB;
    }
    expect((await app.api.get("/api/logs")).json).toEqual([]);
  });

  it("compares a map with the log and fills its KPI lane from data", async () => {
    const log = (await upload("running-example.csv")).json;
    const m = (await app.api.post("/api/journeys", { title: "Compensation", kind: "current_state" })).json;
    const stages = [
      ["s-reg", "Register", "exact", "register request"],
      ["s-exam", "Examine", "wildcard", "examine *"],
      ["s-dec", "Decide", "exact", "decide"],
      ["s-out", "Outcome", "regex", "^(pay compensation|reject request)$"],
    ];
    const commands = stages.flatMap(([id, name, match, pattern]) => [
      { type: "addStage", id, name },
      { type: "addActivityRule", match, pattern, stageId: id },
    ]);
    await app.api.post(`/api/journeys/${m.id}/commands`, { baseVersion: 1, commands });
    const report = (await app.api.get(`/api/journeys/${m.id}/data?logId=${log.id}`)).json;
    expect(report).toMatchObject({ cases: 6, mappedCases: 6, coverage: 1 });
    expect(report.stages.map((s: { reached: number }) => s.reached)).toEqual([6, 6, 6, 6]);
    expect(report.hiddenActivities.map((h: { activity: string }) => h.activity).sort()).toEqual([
      "check ticket",
      "reinitiate request",
    ]);
    expect(report.inOrder).toBeLessThan(6);
    const filled = await app.api.post(`/api/journeys/${m.id}/data/kpis`, { logId: log.id });
    expect(filled.status).toBe(200);
    const lane = filled.json.map.lanes.find((l: { name: string }) => l.name === "KPIs from data");
    const kpis = filled.json.map.cards.filter((c: { laneId: string }) => c.laneId === lane.id);
    expect(kpis).toHaveLength(12);
    expect(kpis[0]).toMatchObject({
      confidence: "observed",
      fields: { kind: "kpi", name: "Cases reaching", value: 6 },
    });
    const again = await app.api.post(`/api/journeys/${m.id}/data/kpis`, { logId: log.id });
    expect(again.json.map.cards.filter((c: { laneId: string }) => c.laneId === lane.id)).toHaveLength(12);
    expect((await app.api.get(`/api/journeys/${m.id}/data?logId=nope`)).status).toBe(404);
  });
});
