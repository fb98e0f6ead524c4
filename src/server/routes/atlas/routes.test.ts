import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { describeWithSharedLogs, EVENTLOGS_DIR } from "../../../analytics/testing/shared-logs.ts";
import type { AtlasView } from "../../../contract/atlas.ts";
import type { HierarchyView } from "../../../contract/hierarchy.ts";
import { listTemplates } from "../../../domain/templates/index.ts";
import { uploadCsvLog, useTestAppWithLogs } from "../../test-api.ts";

describeWithSharedLogs("atlas and hierarchy over the templates and a map linked to a shared log", () => {
  const app = useTestAppWithLogs("atlas", { clock: () => "2026-12-01T09:00:00.000Z" });

  /** A map linked to running-example.csv: stages Register → Decide, its KPI lane filled from the log. */
  async function claimsMap() {
    const csv = readFileSync(join(EVENTLOGS_DIR, "running-example.csv"), "utf8");
    const log = await uploadCsvLog(app.api, "running-example.csv", csv, "Claims");
    const m = (await app.api.post("/api/journeys", { title: "Claims", kind: "current_state" })).json;
    const r = await app.api.post(`/api/journeys/${m.id}/commands`, {
      baseVersion: 1,
      commands: [
        { type: "addStage", id: "s-reg", name: "Register" },
        { type: "addStage", id: "s-pay", name: "Paid" },
        { type: "addActivityRule", match: "exact", pattern: "register request", stageId: "s-reg" },
        { type: "addActivityRule", match: "exact", pattern: "pay compensation", stageId: "s-pay" },
        { type: "setMapProperties", patch: { tags: ["lifecycle:support"], owner: "Ana" } },
      ],
    });
    expect(r.status).toBe(200);
    expect((await app.api.post(`/api/journeys/${m.id}/data/kpis`, { logId: log.id })).status).toBe(200);
    const overlay = (await app.api.get(`/api/journeys/${m.id}/data?logId=${log.id}`)).json;
    return { id: m.id as string, overlay };
  }

  it("shows every template map as a tile per persona row with its figures, and data conversion from the log", async () => {
    const templates = listTemplates();
    const made: { id: string; personaIds: string[]; title: string }[] = [];
    for (const tpl of templates)
      made.push((await app.api.post("/api/journeys", { templateId: tpl.id })).json);
    const claims = await claimsMap();
    const atlas = (await app.api.get("/api/atlas")).json as AtlasView;
    expect(atlas.mapCount).toBe(templates.length + 1);
    expect(atlas.columns.map((c) => c.label)).toEqual(["Support", "No lifecycle phase"]);
    const tiles = atlas.rows.flatMap((r) =>
      r.cells.flat().flatMap((e) => [e.tile, ...(e.future ? [e.future] : [])]),
    );
    // Each map is in the row of every persona it has (or in "No persona").
    for (const m of made) {
      const rows = atlas.rows.filter((r) =>
        r.cells.flat().some((e) => e.tile.mapId === m.id || e.future?.mapId === m.id),
      );
      const expected = m.personaIds.length ? m.personaIds : [null];
      expect(rows.map((r) => r.personaId).sort()).toEqual([...expected].sort());
    }
    const pizza = tiles.find((x) => x.title.includes("Pizza"));
    expect(pizza?.healthScore).toBe((await app.api.get(`/api/journeys/${pizza?.mapId}/check`)).json.score);
    expect(pizza?.sparkline?.points.length).toBeGreaterThanOrEqual(5);
    expect(pizza?.evidenceShare).toBeGreaterThanOrEqual(0);
    const tile = tiles.find((x) => x.mapId === claims.id);
    const last = claims.overlay.stages.find((s: { stageId: string }) => s.stageId === "s-pay");
    expect(tile?.conversion).toEqual({
      reached: last.reached,
      cases: 6,
      share: last.reached / 6,
      logName: "Claims",
      source: `${last.reached} of 6 cases, log Claims`,
    });
    // The KPI cards the log filled are observed: they count as evidence.
    expect(tile?.evidenceCards).toBeGreaterThan(0);
    expect(tile?.evidenceShare).toBe(1);

    const byOwner = (await app.api.get("/api/atlas?owner=ana")).json as AtlasView;
    expect(byOwner.mapCount).toBe(1);
    expect(byOwner.columns.map((c) => c.label)).toEqual(["Support"]);
    expect((await app.api.get("/api/atlas?tag=LIFECYCLE:SUPPORT")).json.mapCount).toBe(1);
    expect((await app.api.get("/api/atlas?status=archived")).json.mapCount).toBe(0);
    const persona = made.find((m) => m.personaIds.length)?.personaIds[0];
    const one = (await app.api.get(`/api/atlas?personaId=${persona}`)).json as AtlasView;
    expect(one.rows.map((r) => r.personaId)).toEqual([persona]);
    expect(one.columns.map((c) => c.label)).toEqual(["All journeys"]);
    // Created today: nothing is stale yet; two years on every map is past its review.
    expect((await app.api.get("/api/atlas?stale=1")).json.mapCount).toBe(0);
    const bad = await app.api.get("/api/atlas?status=gone");
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toContain("status");
  });

  it("pairs a current-state map with its future state in one cell", async () => {
    const current = (await app.api.post("/api/journeys", { templateId: "pizza-restaurant" })).json;
    const future = (await app.api.post(`/api/journeys/${current.id}/future-state`, {})).json;
    const atlas = (await app.api.get("/api/atlas")).json as AtlasView;
    const entries = atlas.rows.flatMap((r) => r.cells.flat());
    expect(entries.length).toBeGreaterThan(0);
    for (const e of entries) {
      expect(e.tile.mapId).toBe(current.id);
      expect(e.future?.mapId).toBe(future.map?.id ?? future.id);
      expect(e.future?.kind).toBe("future_state");
    }
    expect(atlas.mapCount).toBe(2);
  });

  it("GET /api/journeys/:id/hierarchy rolls up the data conversion of a linked child", async () => {
    const claims = await claimsMap();
    const parent = (await app.api.post("/api/journeys", { title: "Customer service", kind: "current_state" }))
      .json;
    const linked = await app.api.post(`/api/journeys/${parent.id}/commands`, {
      baseVersion: 1,
      commands: [
        { type: "addStage", id: "s1", name: "Resolution" },
        { type: "linkSubJourney", stageId: "s1", mapId: claims.id },
      ],
    });
    expect(linked.status).toBe(200);
    const h = (await app.api.get(`/api/journeys/${parent.id}/hierarchy`)).json as HierarchyView;
    expect(h.stages[0]?.children[0]?.conversion?.source).toMatch(/^\d of 6 cases, log Claims$/);
    const up = (await app.api.get(`/api/journeys/${claims.id}/hierarchy`)).json as HierarchyView;
    expect(up.breadcrumb).toEqual([
      { mapId: parent.id, title: "Customer service", stageId: "s1", stageName: "Resolution" },
    ]);
    const cycle = await app.api.post(`/api/journeys/${claims.id}/commands`, {
      baseVersion: (await app.api.get(`/api/journeys/${claims.id}`)).json.version,
      commands: [{ type: "linkSubJourney", stageId: "s-reg", mapId: parent.id }],
    });
    expect(cycle.status).toBe(400);
    expect(cycle.json.error.message).toContain("would make a cycle: Claims → Customer service → Claims");
    expect((await app.api.get("/api/journeys/nope/hierarchy")).status).toBe(404);
  });
});
