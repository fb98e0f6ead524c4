import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readAllEvents } from "../../analytics/import/read-log.ts";
import { ReferenceEngine } from "../../analytics/reference/reference-engine.ts";
import { applyCommands } from "../../domain/commands/apply.ts";
import { MapCommandSchema } from "../../domain/commands/schema.ts";
import { createEmptyMap, toNativeDocument } from "../../domain/index.ts";
import { stageGroups, stageTimes } from "../../domain/journey-data/index.ts";
import { fromYDoc } from "../../domain/ydoc/from-ydoc.ts";
import { toYDoc } from "../../domain/ydoc/to-ydoc.ts";
import { runWayline } from "../../testing/cli.ts";
import { INTERVAL_CSV, INTERVAL_STAGES } from "../../testing/interval-log.ts";

const H = 3_600_000;
const now = "2026-02-01T00:00:00.000Z";
const dir = mkdtempSync(join(tmpdir(), "wayline-durations-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const csv = join(dir, "claims.csv");
writeFileSync(csv, INTERVAL_CSV);

/** A claims map: one stage per activity, SLA 4 d on Intake and 1 d on Review, none on Decision. */
function claimsMap() {
  const doc = toYDoc(createEmptyMap("Claims", "service_blueprint", { id: "claims" as never, now }));
  const commands = [
    ...INTERVAL_STAGES.flatMap((s) => [
      { type: "addStage", id: s.id, name: s.name },
      { type: "addActivityRule", id: `r-${s.id}`, match: "exact", pattern: s.activity, stageId: s.id },
    ]),
    { type: "updateStage", id: "s-intake", sla: { targetMs: 4 * 24 * H } },
    { type: "updateStage", id: "s-review", sla: { targetMs: 24 * H, label: "Reviewed within a day" } },
  ].map((c) => MapCommandSchema.parse(c));
  applyCommands(doc, commands, { now });
  return fromYDoc(doc);
}
const map = claimsMap();
const mapFile = join(dir, "claims.wayline.json");
writeFileSync(mapFile, JSON.stringify(toNativeDocument(map, [], now)));

const cli = (...args: string[]) => runWayline(args, { cwd: dir });

/** The reference engine's answers on the same file, put beside the map's stages. */
async function reference() {
  const e = new ReferenceEngine();
  await e.load({ events: (await readAllEvents(csv)).events });
  const acts = await e.activityDurations();
  const groups = stageGroups(
    map,
    acts.activities.map((a) => a.activity),
  );
  return { acts, stages: stageTimes(map, await e.stageDurations({ stages: groups })) };
}

describe("wayline log durations (child process)", () => {
  it("prints the reference engine's activity and stage durations as JSON (DuckDB on the file)", async () => {
    const r = await cli("log", "durations", csv, "--map", mapFile, "--json");
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    const ref = await reference();
    expect(out.activities).toEqual(ref.acts.activities);
    expect([out.events, out.measured]).toEqual([8, 8]);
    expect(out.stages).toEqual(ref.stages);
    expect(out.stages.map((s: { status: string }) => s.status)).toEqual(["met", "breached", "no_sla"]);
  });

  it("prints readable tables: durations in units, each stage's SLA and status in words", async () => {
    const r = await cli("log", "durations", csv, "--map", mapFile);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^activity\s+events\s+measured\s+median\s+p90\s+mean$/m);
    expect(r.stdout).toMatch(/^Submit\s+3\s+3\s+15 min\s+19 min\s+15 min$/m);
    expect(r.stdout).toMatch(/^stage\s+cases\s+median\s+p90\s+SLA\s+status$/m);
    // Review: c1 24 h 30 min, c2 24 h 5 min, c3 0 → median 1 d 5 min, p90 1 d 25 min > 1 d.
    expect(r.stdout).toMatch(
      /^Review\s+3\s+1 d 5 min\s+1 d 25 min\s+1 d \(Reviewed within a day\)\s+breached$/m,
    );
    expect(r.stdout).toMatch(/^Intake\s+3\s+.*\s+4 d\s+met$/m);
    expect(r.stdout).toMatch(/^Decision\s+2\s+0 ms\s+0 ms\s+–\s+no SLA$/m);
  });

  it("reads a stored log and a stored map by id; unknown ids are named", async () => {
    const data = join(dir, "data");
    const imported = await cli("log", "import", csv, "--data", data, "--json");
    expect(imported.code, imported.stderr).toBe(0);
    const logId = JSON.parse(imported.stdout).id as string;
    const mapImport = await cli("import", mapFile, "--data", data, "--json");
    expect(mapImport.code, mapImport.stderr).toBe(0);
    const mapId = JSON.parse(mapImport.stdout)[0].id as string;
    const r = await cli("log", "durations", logId, "--map", mapId, "--data", data, "--json");
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.logId).toBe(logId);
    expect(out.stages).toEqual((await reference()).stages);
    const noLog = await cli("log", "durations", "nope", "--data", data);
    expect(noLog.code).toBe(1);
    expect(noLog.stderr).toMatch(/<log>: "nope" is neither a file nor the id of a log/);
    const noMap = await cli("log", "durations", csv, "--map", "nomap", "--data", data);
    expect(noMap.code).toBe(1);
    expect(noMap.stderr).toMatch(/--map: "nomap" is neither a file nor the id of a map/);
  });

  it("says so on stderr when no event has a duration", async () => {
    const plain = join(dir, "plain.csv");
    writeFileSync(plain, "case,activity,timestamp\n1,A,2026-01-01T10:00:00Z\n1,B,2026-01-01T11:00:00Z\n");
    const r = await cli("log", "durations", plain);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/no event has a duration/);
    expect(r.stdout).toMatch(/^A\s+1\s+0\s+–\s+–\s+–$/m);
  });
});
