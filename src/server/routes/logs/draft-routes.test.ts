import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { describeWithSharedLogs, EVENTLOGS_DIR } from "../../../analytics/testing/shared-logs.ts";
import { activityMatcher } from "../../../domain/journey-data/index.ts";
import { createTestStore, type TestStore } from "../../../testing/databases.ts";
import { createAppWithServices } from "../../app.ts";
import type { Authenticator } from "../../auth.ts";
import { testClient } from "../../test-client.ts";

describeWithSharedLogs("POST /api/logs/:id/draft-map", () => {
  const opened: { t: TestStore; dir: string; close: () => Promise<void> }[] = [];
  afterEach(async () => {
    for (const o of opened.splice(0)) {
      await o.close();
      await o.t.dispose();
      rmSync(o.dir, { recursive: true, force: true });
    }
  });

  async function setUp(dialect: "sqlite" | "postgres") {
    const t = await createTestStore(dialect);
    const dir = mkdtempSync(join(tmpdir(), "wayline-draft-"));
    let role: "owner" | "commenter" = "owner";
    const auth: Authenticator = async () => ({ name: "test", role });
    const { app, services } = createAppWithServices({ store: t.store, auth, dataDir: dir });
    opened.push({ t, dir, close: () => services.logs.close() });
    const api = testClient(app);
    const up = await api.post(
      "/api/logs?filename=running-example.csv",
      readFileSync(join(EVENTLOGS_DIR, "running-example.csv"), "utf8"),
      { "content-type": "text/csv", "x-wayline-upload": "1" },
    );
    expect(up.status).toBe(201);
    return { api, logId: up.json.id as string, as: (r: typeof role) => (role = r) };
  }

  it.each(["sqlite", "postgres"] as const)(
    "%s: proposes without writing, saves the reviewed draft with ?save=1",
    async (dialect) => {
      const { api, logId } = await setUp(dialect);
      const proposal = await api.post(`/api/logs/${logId}/draft-map`, {});
      expect(proposal.status).toBe(200);
      expect(proposal.json.draft.stages.length).toBeGreaterThanOrEqual(5);
      expect(proposal.json.map.stages.map((s: { name: string }) => s.name)).toEqual(
        proposal.json.draft.stages.map((s: { name: string }) => s.name),
      );
      expect((await api.get("/api/journeys")).json).toEqual([]);

      const first = proposal.json.draft.stages[0].id;
      const saved = await api.post(`/api/logs/${logId}/draft-map?save=1`, {
        title: "Claims from data",
        stageNames: { [first]: "Intake" },
      });
      expect(saved.status).toBe(201);
      const list = (await api.get("/api/journeys")).json;
      expect(list).toHaveLength(1);
      const map = (await api.get(`/api/journeys/${saved.json.map.id}`)).json;
      expect(map.title).toBe("Claims from data");
      expect(map.stages[0].name).toBe("Intake");
      const match = activityMatcher(map.activityRules);
      for (const a of ["register request", "decide", "reinitiate request", "pay compensation"])
        expect(match(a), a).not.toBeNull();
      // The data overlay of the saved map on its own log agrees with the proposal's fit.
      const overlay = await api.get(`/api/journeys/${map.id}/data?logId=${logId}`);
      expect(overlay.json.inOrderShare).toBe(proposal.json.draft.fit.inOrderShare);
      expect(overlay.json.hiddenActivities).toEqual([]);
    },
  );

  it("refuses bad reviews, unknown logs, and saving for a role that may not create maps", async () => {
    const { api, logId, as } = await setUp("sqlite");
    const bad = await api.post(`/api/logs/${logId}/draft-map`, { stageNames: { "no-such": "x" } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details.problems[0].path).toMatch(/^body\.stageNames/);
    expect((await api.post(`/api/logs/${logId}/draft-map?save=maybe`, {})).status).toBe(400);
    expect((await api.post("/api/logs/nope/draft-map", {})).status).toBe(404);
    // Drafting creates a map: the route needs map.create (commenters may read logs, not create maps).
    as("commenter");
    const denied = await api.post(`/api/logs/${logId}/draft-map`, {});
    expect(denied.status).toBe(403);
    expect(denied.json.error.details.action).toBe("map.create");
    expect((await api.post(`/api/logs/${logId}/draft-map?save=1`, {})).status).toBe(403);
    as("owner");
    expect((await api.get("/api/journeys")).json).toEqual([]);
  });
});

describe("POST /api/logs/:id/draft-map touchpoints", () => {
  const opened: { t: TestStore; dir: string; close: () => Promise<void> }[] = [];
  afterEach(async () => {
    for (const o of opened.splice(0)) {
      await o.close();
      await o.t.dispose();
      rmSync(o.dir, { recursive: true, force: true });
    }
  });

  it("drafts the touchpoints lane from the Zendesk sample's Via column, or from a named attribute", async () => {
    const t = await createTestStore("sqlite");
    const dir = mkdtempSync(join(tmpdir(), "wayline-draft-tp-"));
    const auth: Authenticator = async () => ({ name: "test", role: "owner" });
    const { app, services } = createAppWithServices({ store: t.store, auth, dataDir: dir });
    opened.push({ t, dir, close: () => services.logs.close() });
    const api = testClient(app);
    const sample = join(import.meta.dirname, "../../../analytics/import/samples/zendesk-tickets.csv");
    const up = await api.post("/api/logs?filename=zendesk-tickets.csv", readFileSync(sample, "utf8"), {
      "content-type": "text/csv",
      "x-wayline-upload": "1",
    });
    expect(up.status, JSON.stringify(up.json)).toBe(201);
    const logId = up.json.id as string;
    const proposal = await api.post(`/api/logs/${logId}/draft-map`, {});
    expect(proposal.status).toBe(200);
    const tp = proposal.json.draft.touchpoints;
    expect(tp.attribute).toBe("via");
    const created = proposal.json.draft.stages.find((s: { activities: string[] }) =>
      s.activities.includes("Ticket created"),
    );
    const cards = proposal.json.map.cards.filter(
      (c: { stageId: string; laneId: string }) =>
        c.laneId === "d-lane-touchpoints" && c.stageId === created.id,
    );
    // 3 tickets, one each by Chat, Email and the Web Widget.
    expect(
      cards.map((c: { text: string; fields: { channel: string } }) => [c.text, c.fields.channel]),
    ).toEqual([
      ["Chat — 33 % of cases", "chat"],
      ["Email — 33 % of cases", "email"],
      ["Web Widget — 33 % of cases", "web"],
    ]);
    const named = await api.post(`/api/logs/${logId}/draft-map`, { channel: "priority" });
    expect(named.json.draft.touchpoints.attribute).toBe("priority");
    expect(named.json.draft.touchpoints.cards.map((c: { channel: null }) => c.channel)).not.toContain("chat");
    const none = await api.post(`/api/logs/${logId}/draft-map`, { channel: "no such column" });
    expect(none.json.draft.touchpoints).toEqual({ attribute: null, cards: [] });
    expect(none.json.map.lanes.some((l: { type: string }) => l.type === "touchpoints")).toBe(false);
    const bad = await api.post(`/api/logs/${logId}/draft-map`, { channel: "" });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details.problems[0].path).toBe("body.channel");
  });
});
