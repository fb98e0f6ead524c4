import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { describeEngine } from "../../../analytics/testing/engines.ts";
import { describeWithSharedLogs, EVENTLOGS_DIR } from "../../../analytics/testing/shared-logs.ts";
import { uploadCsvLog, useTestAppWithLogs } from "../../test-api.ts";

const CLICKHOUSE_URL = process.env.CLICKHOUSE_URL || "http://127.0.0.1:18123";

/**
 * "Fill KPIs" for a past day records the log's values as they were then, on the workspace log's
 * own engine (DuckDB file, or ClickHouse when the server has one). running-example.csv: "reject
 * request" happens on 2011-01-07 (case 1), 2011-01-12 (case 4) and 2011-01-24 (case 5).
 */
describeWithSharedLogs("KPI values computed from a log at a date", () => {
  for (const engine of ["duckdb", "clickhouse"] as const) {
    describeEngine(engine, `on a ${engine} workspace log`, () => {
      const app = useTestAppWithLogs("kpi-asof", {
        clickhouseUrl: engine === "clickhouse" ? CLICKHOUSE_URL : undefined,
        clock: () => "2026-12-02T10:00:00.000Z",
      });

      it("records each day's value from the events until then; the card keeps the latest", async () => {
        const csv = readFileSync(join(EVENTLOGS_DIR, "running-example.csv"), "utf8");
        const log = await uploadCsvLog(app.api, "running-example.csv", csv, "Claims");
        expect(log.engine).toBe(engine);
        const m = (await app.api.post("/api/journeys", { title: "Claims", kind: "current_state" })).json;
        const setup = await app.api.post(`/api/journeys/${m.id}/commands`, {
          baseVersion: 1,
          commands: [
            { type: "addStage", id: "s-reg", name: "Register" },
            { type: "addStage", id: "s-rej", name: "Rejected" },
            { type: "addActivityRule", match: "exact", pattern: "register request", stageId: "s-reg" },
            { type: "addActivityRule", match: "exact", pattern: "reject request", stageId: "s-rej" },
          ],
        });
        expect(setup.status).toBe(200);
        const fill = (asOf?: string) =>
          app.api.post(`/api/journeys/${m.id}/data/kpis`, { logId: log.id, ...(asOf ? { asOf } : {}) });
        expect((await fill()).status).toBe(200); // today: the whole log
        expect((await fill("2011-01-15")).status).toBe(200);
        expect((await fill("2011-01-07")).status).toBe(200);
        const items = (await app.api.get(`/api/kpis?mapId=${m.id}`)).json.items;
        const kpi = (name: string, stageId: string) =>
          items.find((k: { name: string; stageId: string }) => k.name === name && k.stageId === stageId);
        expect(kpi("Cases reaching", "s-rej").history).toEqual([
          { date: "2011-01-07", value: 1, origin: "log" },
          { date: "2011-01-15", value: 2, origin: "log" },
          { date: "2026-12-02", value: 3, origin: "log" },
        ]);
        expect(kpi("Cases reaching", "s-rej").latest).toEqual({ value: 3, date: "2026-12-02" });
        expect(kpi("Cases reaching", "s-reg").history.map((e: { value: number }) => e.value)).toEqual([
          6, 6, 6,
        ]);
        const map = (await app.api.get(`/api/journeys/${m.id}`)).json;
        const card = map.cards.find(
          (c: { stageId: string; fields: { name?: string } }) =>
            c.stageId === "s-rej" && c.fields.name === "Cases reaching",
        );
        expect([card.text, card.fields.value, card.fields.asOf]).toEqual([
          "Cases reaching: 3 cases",
          3,
          "2026-12-02",
        ]);
        // The overlay without a date still reads the whole log.
        const overlay = (await app.api.get(`/api/journeys/${m.id}/data?logId=${log.id}`)).json;
        expect(overlay.stages.find((s: { stageId: string }) => s.stageId === "s-rej").reached).toBe(3);
        const future = await fill("2026-12-03");
        expect(future.status).toBe(400);
        expect(future.json.error.details.problems[0].path).toBe("body.asOf");
        const bad = await fill("2011-13-01");
        expect(bad.json.error.details.problems[0].path).toBe("body.asOf");
      });
    });
  }
});
