import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { describeWithSharedLogs, EVENTLOGS_DIR } from "../../../analytics/testing/shared-logs.ts";
import { uploadCsvLog, useTestAppWithLogs } from "../../test-api.ts";

/** Scores are rounded to 6 decimals (priority.ts). */
const round = (x: number) => Math.round(x * 1e6) / 1e6;

describeWithSharedLogs("portfolio reach from the linked event log", () => {
  const app = useTestAppWithLogs("portfolio-logs");

  it("equals the data overlay's stage reach once the map's KPI lane is filled from the log", async () => {
    const csv = readFileSync(join(EVENTLOGS_DIR, "running-example.csv"), "utf8");
    const log = await uploadCsvLog(app.api, "running-example.csv", csv, "Claims");
    const m = (await app.api.post("/api/journeys", { title: "Compensation", kind: "current_state" })).json;
    const pain = (id: string, stageId: string) => ({
      type: "addCard",
      id,
      laneId: "lp",
      stageId,
      text: `Pain ${id}`,
      fields: { impact: "abandon", reach: 0.1 },
    });
    const r = await app.api.post(`/api/journeys/${m.id}/commands`, {
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
    const typed = (await app.api.get(`/api/portfolio?mapId=${m.id}`)).json.items;
    expect(typed.map((i: { reach: number; reachSource: unknown }) => [i.reach, i.reachSource])).toEqual([
      [0.1, null],
      [0.1, null],
    ]);

    expect((await app.api.post(`/api/journeys/${m.id}/data/kpis`, { logId: log.id })).status).toBe(200);
    const overlay = (await app.api.get(`/api/journeys/${m.id}/data?logId=${log.id}`)).json;
    const share = (id: string) =>
      overlay.stages.find((s: { stageId: string }) => s.stageId === id).reachShare as number;
    expect([share("s-reg"), share("s-rej")]).toEqual([1, 0.5]);
    const items = (await app.api.get(`/api/portfolio?mapId=${m.id}`)).json.items;
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
    expect((await app.api.patch("/api/settings", { priority: { model: "rice" } })).status).toBe(200);
    const estimate = await app.api.post(`/api/journeys/${m.id}/commands`, {
      baseVersion: (await app.api.get(`/api/journeys/${m.id}`)).json.version,
      commands: [
        { type: "updateCard", id: "p-reg", fields: { confidencePct: 80, effortWeeks: 2 } },
        { type: "updateCard", id: "p-rej", fields: { effortWeeks: 1 } }, // confidence from "assumed": 50 %
      ],
    });
    expect(estimate.status).toBe(200);
    const rice = (await app.api.get(`/api/portfolio?mapId=${m.id}`)).json;
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

    expect((await app.api.delete(`/api/logs/${log.id}`)).status).toBe(204);
    const after = (await app.api.get(`/api/portfolio?mapId=${m.id}`)).json.items;
    expect(after.map((i: { reachSource: unknown }) => i.reachSource)).toEqual([null, null]);
  });
});
