import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { describeWithSharedLogs, EVENTLOGS_DIR } from "../../../analytics/testing/shared-logs.ts";
import { createTestStore, type TestStore } from "../../../testing/databases.ts";
import { createAppWithServices } from "../../app.ts";
import { localAuthenticator } from "../../auth.ts";
import { testClient } from "../../test-client.ts";

/** Scores are rounded to 6 decimals (priority.ts). */
const round = (x: number) => Math.round(x * 1e6) / 1e6;

describeWithSharedLogs("portfolio reach from the linked event log", () => {
  let t: TestStore;
  let dataDir: string;
  let api: ReturnType<typeof testClient>;
  let close: () => Promise<void>;
  beforeEach(async () => {
    t = await createTestStore("sqlite");
    dataDir = mkdtempSync(join(tmpdir(), "wayline-portfolio-logs-"));
    const { app, services } = createAppWithServices({ store: t.store, auth: localAuthenticator(), dataDir });
    api = testClient(app);
    close = () => services.logs.close();
  });
  afterEach(async () => {
    await close();
    await t.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("equals the data overlay's stage reach once the map's KPI lane is filled from the log", async () => {
    const csv = readFileSync(join(EVENTLOGS_DIR, "running-example.csv"), "utf8");
    const log = (
      await api.post("/api/logs?filename=running-example.csv&name=Claims", csv, {
        "content-type": "text/csv",
        "x-wayline-upload": "1",
      })
    ).json;
    const m = (await api.post("/api/journeys", { title: "Compensation", kind: "current_state" })).json;
    const pain = (id: string, stageId: string) => ({
      type: "addCard",
      id,
      laneId: "lp",
      stageId,
      text: `Pain ${id}`,
      fields: { impact: "abandon", reach: 0.1 },
    });
    const r = await api.post(`/api/journeys/${m.id}/commands`, {
      baseVersion: 1,
      commands: [
        { type: "addStage", id: "s-reg", name: "Register" },
        { type: "addStage", id: "s-rej", name: "Rejected" },
        { type: "addActivityRule", match: "exact", pattern: "register request", stageId: "s-reg" },
        { type: "addActivityRule", match: "exact", pattern: "reject request", stageId: "s-rej" },
        { type: "addLane", id: "lp", laneType: "pain_points" },
        pain("p-reg", "s-reg"),
        pain("p-rej", "s-rej"),
      ],
    });
    expect(r.status).toBe(200);
    const typed = (await api.get(`/api/portfolio?mapId=${m.id}`)).json.items;
    expect(typed.map((i: { reach: number; reachSource: unknown }) => [i.reach, i.reachSource])).toEqual([
      [0.1, null],
      [0.1, null],
    ]);

    expect((await api.post(`/api/journeys/${m.id}/data/kpis`, { logId: log.id })).status).toBe(200);
    const overlay = (await api.get(`/api/journeys/${m.id}/data?logId=${log.id}`)).json;
    const share = (id: string) =>
      overlay.stages.find((s: { stageId: string }) => s.stageId === id).reachShare as number;
    expect([share("s-reg"), share("s-rej")]).toEqual([1, 0.5]);
    const items = (await api.get(`/api/portfolio?mapId=${m.id}`)).json.items;
    expect(
      items.map((i: { cardId: string; reach: number; score: number; reachSource: string }) => [
        i.cardId,
        i.reach,
        i.score,
        i.reachSource,
      ]),
    ).toEqual([
      ["p-reg", share("s-reg"), 3, "6 of 6 cases, log Claims"],
      ["p-rej", share("s-rej"), 1.5, "3 of 6 cases, log Claims"],
    ]);

    // RICE on the same log: reach is still the overlay's stage reach; score = reach × impact × confidence ÷ effort.
    expect((await api.patch("/api/settings", { priority: { model: "rice" } })).status).toBe(200);
    const estimate = await api.post(`/api/journeys/${m.id}/commands`, {
      baseVersion: (await api.get(`/api/journeys/${m.id}`)).json.version,
      commands: [
        { type: "updateCard", id: "p-reg", fields: { confidencePct: 80, effortWeeks: 2 } },
        { type: "updateCard", id: "p-rej", fields: { effortWeeks: 1 } }, // confidence from "assumed": 50 %
      ],
    });
    expect(estimate.status).toBe(200);
    const rice = (await api.get(`/api/portfolio?mapId=${m.id}`)).json;
    expect(rice.model).toBe("rice");
    expect(
      rice.items.map((i: { cardId: string; reach: number; score: number; reachSource: string }) => [
        i.cardId,
        i.reach,
        i.score,
        i.reachSource,
      ]),
    ).toEqual([
      ["p-reg", share("s-reg"), round((share("s-reg") * 3 * 0.8) / 2), "6 of 6 cases, log Claims"],
      ["p-rej", share("s-rej"), round((share("s-rej") * 3 * 0.5) / 1), "3 of 6 cases, log Claims"],
    ]);

    expect((await api.delete(`/api/logs/${log.id}`)).status).toBe(204);
    const after = (await api.get(`/api/portfolio?mapId=${m.id}`)).json.items;
    expect(after.map((i: { reachSource: unknown }) => i.reachSource)).toEqual([null, null]);
  });
});
