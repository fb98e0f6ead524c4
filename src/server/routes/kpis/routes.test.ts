import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { describeWithSharedLogs, EVENTLOGS_DIR } from "../../../analytics/testing/shared-logs.ts";
import { createTestStore, postgresAvailable, type TestStore } from "../../../testing/databases.ts";
import { createAppWithServices } from "../../app.ts";
import { localAuthenticator } from "../../auth.ts";
import { testClient } from "../../test-client.ts";

const pgUp = await postgresAvailable();

for (const dialect of ["sqlite", "postgres"] as const) {
  describeWithSharedLogs(`KPIs across maps on ${dialect}`, () => {
    let t: TestStore;
    let dataDir: string;
    let api: ReturnType<typeof testClient>;
    let day = "2026-11-01";
    let close: () => Promise<void>;
    beforeEach(async (ctx) => {
      if (dialect === "postgres" && !pgUp) ctx.skip();
      t = await createTestStore(dialect);
      dataDir = mkdtempSync(join(tmpdir(), "wayline-kpis-"));
      const clock = () => `${day}T09:00:00.000Z`;
      const { app, services } = createAppWithServices({
        store: t.store,
        auth: localAuthenticator(),
        dataDir,
        clock,
      });
      api = testClient(app);
      close = () => services.logs.close();
    });
    afterEach(async () => {
      await close?.();
      await t?.dispose();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    });

    it("keeps a history from manual entries and data refreshes; a shipped solution shows before and after", async () => {
      const csv = readFileSync(join(EVENTLOGS_DIR, "running-example.csv"), "utf8");
      const log = (
        await api.post("/api/logs?filename=running-example.csv&name=Claims", csv, {
          "content-type": "text/csv",
          "x-wayline-upload": "1",
        })
      ).json;
      const m = (await api.post("/api/journeys", { title: "Compensation", kind: "current_state" })).json;
      const setup = await api.post(`/api/journeys/${m.id}/commands`, {
        baseVersion: m.version,
        commands: [
          { type: "addStage", id: "s-reg", name: "Register" },
          { type: "addStage", id: "s-rej", name: "Rejected" },
          { type: "addActivityRule", match: "exact", pattern: "register request", stageId: "s-reg" },
          { type: "addActivityRule", match: "exact", pattern: "reject request", stageId: "s-rej" },
          { type: "addLane", id: "lk", laneType: "kpis" },
          { type: "addLane", id: "li", laneType: "ideas" },
          { type: "addCard", id: "nps", laneId: "lk", stageId: "s-rej", fields: { name: "NPS", target: 30 } },
          { type: "recordKpiValue", id: "nps", date: "2026-09-01", value: 12 },
          { type: "recordKpiValue", id: "nps", date: "2026-10-01", value: 14 },
          { type: "recordKpiValue", id: "nps", date: "2026-11-01", value: 21 },
          { type: "addCard", id: "fix", laneId: "li", stageId: "s-rej", text: "Explain rejections" },
          {
            type: "setSolution",
            id: "fix",
            solution: { status: "shipped", shipDate: "2026-10-15", kpiIds: ["nps"] },
          },
        ],
      });
      expect(setup.status).toBe(200);
      const nps = (await api.get("/api/kpis")).json.items.find((k: { cardId: string }) => k.cardId === "nps");
      expect(nps).toMatchObject({
        name: "NPS",
        target: 30,
        latest: { value: 21, date: "2026-11-01" },
        trend: "up",
        solutions: [
          {
            cardId: "fix",
            status: "shipped",
            impact: {
              before: { date: "2026-10-01", value: 14 },
              after: { date: "2026-11-01", value: 21 },
              change: 7,
            },
          },
        ],
      });

      // Values computed from the linked log: each refresh of the data KPIs records a point.
      expect((await api.post(`/api/journeys/${m.id}/data/kpis`, { logId: log.id })).status).toBe(200);
      day = "2026-11-08";
      expect((await api.post(`/api/journeys/${m.id}/data/kpis`, { logId: log.id })).status).toBe(200);
      const overlay = (await api.get(`/api/journeys/${m.id}/data?logId=${log.id}`)).json;
      const reached = overlay.stages.find((s: { stageId: string }) => s.stageId === "s-rej").reached;
      const items = (await api.get(`/api/kpis?mapId=${m.id}`)).json.items;
      const cases = items.find(
        (k: { name: string; stageId: string }) => k.name === "Cases reaching" && k.stageId === "s-rej",
      );
      expect(cases.history).toEqual([
        { date: "2026-11-01", value: reached, origin: "log" },
        { date: "2026-11-08", value: reached, origin: "log" },
      ]);
      expect(cases.trend).toBe("flat");
      expect((await api.get("/api/kpis?mapId=")).status).toBe(400);
    });
  });
}
