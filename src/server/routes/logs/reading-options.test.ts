import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestStore, type TestStore } from "../../../testing/databases.ts";
import { createAppWithServices } from "../../app.ts";
import { localAuthenticator } from "../../auth.ts";
import { testClient } from "../../test-client.ts";

describe("POST /api/logs with timestamp layout, time zone and lifecycle options", () => {
  let t: TestStore;
  let dataDir: string;
  let made: ReturnType<typeof createAppWithServices>;
  beforeAll(async () => {
    t = await createTestStore("sqlite");
    dataDir = mkdtempSync(join(tmpdir(), "wayline-reading-"));
    made = createAppWithServices({ store: t.store, auth: localAuthenticator(), dataDir });
  });
  afterAll(async () => {
    await made.services.logs.close();
    await t.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  });
  const up = (q: string, body: string) =>
    testClient(made.app).post(`/api/logs?filename=log.csv${q}`, body, {
      "content-type": "text/csv",
      "x-wayline-upload": "1",
    });

  it("reads a DD.MM.YYYY log in a named zone and reports what it read", async () => {
    const r = await up(
      "&timezone=Europe%2FBerlin",
      "case,activity,time\nc1,A,01.07.2024 12:00\nc1,B,01.07.2024 14:30\nc2,A,02.07.2024 09:00\n",
    );
    expect(r.status).toBe(201);
    expect(r.json.stats).toMatchObject({ events: 3, cases: 2 });
    expect(r.json.report.timestamps).toEqual({ layouts: { "DD.MM.YYYY": 3 }, timezone: "Europe/Berlin" });
  });

  it("orders naive times by the zone given: 12:00 in Berlin is before 11:00Z, in UTC after it", async () => {
    const body = "case,activity,time\nc1,A,2024-07-01 12:00\nc1,B,2024-07-01T11:00:00Z\n";
    const order = async (q: string) => {
      const r = await up(q, body);
      const v = await testClient(made.app).get(`/api/logs/${r.json.id}/variants`);
      return v.json.variants[0].activities;
    };
    expect(await order("")).toEqual(["B", "A"]);
    expect(await order("&timezone=Europe%2FBerlin")).toEqual(["A", "B"]);
  });

  it("takes a strftime layout for dates a file cannot decide, and says how when it is missing", async () => {
    const body = "case,activity,time\nc1,A,03/04/2024 10:00\nc1,B,05/04/2024 11:00\n";
    const refused = await up("", body);
    expect(refused.status).toBe(400);
    expect(refused.json.error.message).toMatch(
      /log\.csv: line 2: dates like "03\/04\/2024 10:00" can be DD\/MM\/YYYY or MM\/DD\/YYYY/,
    );
    const given = await up(`&timestampFormat=${encodeURIComponent("%d/%m/%Y %H:%M")}`, body);
    expect(given.status).toBe(201);
    expect(given.json.report.timestamps.layouts).toEqual({ "format %d/%m/%Y %H:%M": 2 });
  });

  it("refuses bad options with 400 naming the option", async () => {
    const body = "case,activity,time\nc1,A,2024-01-01\n";
    const zone = await up("&timezone=Mars%2FBase", body);
    expect(zone.status).toBe(400);
    expect(zone.json.error.message).toMatch(/timezone "Mars\/Base" is not a known time zone/);
    const fmt = await up("&timestampFormat=%25Q", body);
    expect(fmt.status).toBe(400);
    expect(fmt.json.error.message).toMatch(/unknown directive %Q/);
    const mode = await up("&lifecycle=some", body);
    expect(mode.status).toBe(400);
    expect(JSON.stringify(mode.json)).toMatch(/lifecycle/);
  });

  it("keeps completions only when asked (a CSV with a lifecycle column)", async () => {
    const body =
      "case,activity,time,lifecycle:transition\nc1,A,2024-01-01 10:00,start\nc1,A,2024-01-01 10:05,complete\nc1,B,2024-01-01 11:00,complete\n";
    const all = await up("", body);
    expect(all.json.stats.events).toBe(3);
    const complete = await up("&lifecycle=complete", body);
    expect(complete.json.stats.events).toBe(2);
    const merged = await up("&lifecycle=merge", body);
    expect(merged.json.stats.events).toBe(2);
    expect(merged.json.report.lifecycle).toMatchObject({ mode: "merge", merged: 1, unpaired: 0 });
  });
});
