import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { afterEach, expect, it } from "vitest";
import { describeWithSharedLogs, EVENTLOGS_DIR } from "../../../analytics/testing/shared-logs.ts";
import { PICTURE } from "../../../render/picture-layout.ts";
import { decodePng } from "../../../services/export/testing/png-decode.ts";
import { createTestStore, postgresAvailable, type TestStore } from "../../../testing/databases.ts";
import { createAppWithServices } from "../../app.ts";
import { localAuthenticator } from "../../auth.ts";
import { testClient } from "../../test-client.ts";

const pgUp = await postgresAvailable();
const hasPoppler = existsSync("/usr/bin/pdftotext");

describeWithSharedLogs("export with the data overlay (running-example.csv)", () => {
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
    const dir = mkdtempSync(join(tmpdir(), "wayline-export-overlay-"));
    const { app, services } = createAppWithServices({
      store: t.store,
      auth: localAuthenticator(),
      dataDir: dir,
    });
    opened.push({ t, dir, close: () => services.logs.close() });
    const api = testClient(app);
    const raw = async (path: string) => {
      const res = await app.request(
        path,
        { headers: { host: "localhost:4400" } },
        {
          incoming: { socket: { remoteAddress: "127.0.0.1" } },
        },
      );
      return { status: res.status, bytes: new Uint8Array(await res.arrayBuffer()) };
    };
    const csv = readFileSync(join(EVENTLOGS_DIR, "running-example.csv"), "utf8");
    const log = (
      await api.post("/api/logs?filename=running-example.csv&name=Claims", csv, {
        "content-type": "text/csv",
        "x-wayline-upload": "1",
      })
    ).json;
    const m = (await api.post("/api/journeys", { title: "Compensation", kind: "current_state" })).json;
    const rule = (pattern: string, stageId: string) => ({
      type: "addActivityRule",
      match: "exact",
      pattern,
      stageId,
    });
    const r = await api.post(`/api/journeys/${m.id}/commands`, {
      baseVersion: 1,
      commands: [
        { type: "addStage", id: "s-reg", name: "Register" },
        { type: "addStage", id: "s-exa", name: "Examine" },
        { type: "addStage", id: "s-dec", name: "Decide" },
        { type: "addStage", id: "s-out", name: "Outcome" },
        rule("register request", "s-reg"),
        rule("examine casually", "s-exa"),
        rule("examine thoroughly", "s-exa"),
        rule("check ticket", "s-exa"),
        rule("decide", "s-dec"),
        rule("reinitiate request", "s-dec"),
        rule("pay compensation", "s-out"),
        rule("reject request", "s-out"),
        { type: "addLane", id: "le", laneType: "emotion" },
      ],
    });
    expect(r.status).toBe(200);
    return { api, raw, mapId: m.id as string, logId: log.id as string };
  }

  for (const dialect of ["sqlite", "postgres"] as const)
    it.skipIf(dialect === "postgres" && !pgUp)(
      `${dialect}: refuses a map without data, then draws the linked log's figures in SVG, PNG, PDF and slides`,
      async () => {
        const { api, raw, mapId, logId } = await setUp(dialect);
        const refused = await api.get(`/api/journeys/${mapId}/export?format=svg&overlay=1`);
        expect(refused.status).toBe(400);
        expect(refused.json.error.message).toMatch(/has no data overlay/);
        expect(refused.json.error.details.problems[0].path).toBe("query.overlay");

        expect((await api.post(`/api/journeys/${mapId}/data/kpis`, { logId })).status).toBe(200);
        const report = (await api.get(`/api/journeys/${mapId}/data?logId=${logId}`)).json;
        const svg = new TextDecoder().decode(
          (await raw(`/api/journeys/${mapId}/export?format=svg&overlay=1`)).bytes,
        );
        expect(svg).toContain("Observed in data");
        expect(svg).toContain("event log Claims (6 cases)");
        for (const s of report.stages as { reached: number; reachShare: number }[])
          expect(svg).toContain(`${s.reached} cases reach · ${Math.round(s.reachShare * 100)} %`);
        expect(svg).toMatch(/median \d+ (d|h|min)[^<]* to get here/);
        const plain = new TextDecoder().decode((await raw(`/api/journeys/${mapId}/export?format=svg`)).bytes);
        expect(plain).not.toContain("Observed in data");

        const withData = decodePng((await raw(`/api/journeys/${mapId}/export?format=png&overlay=1`)).bytes);
        const without = decodePng((await raw(`/api/journeys/${mapId}/export?format=png`)).bytes);
        expect(withData.height - without.height).toBe(PICTURE.dataHeight);

        const deck = await JSZip.loadAsync(
          (await raw(`/api/journeys/${mapId}/export?format=pptx&overlay=1`)).bytes,
        );
        const slides = await Promise.all(
          Object.keys(deck.files)
            .filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f))
            .map((f) => deck.file(f)?.async("string") ?? ""),
        );
        expect(slides.filter((x) => x.includes("Observed: 6 cases reach")).length).toBe(4);

        if (hasPoppler) {
          const file = join(mkdtempSync(join(tmpdir(), "wayline-overlay-pdf-")), "m.pdf");
          writeFileSync(file, (await raw(`/api/journeys/${mapId}/export?format=pdf&overlay=1`)).bytes);
          const text = execFileSync("pdftotext", ["-raw", file, "-"], { encoding: "utf8" });
          expect(text).toContain("Observed in data");
          expect(text).toContain("6 cases reach");
        }

        const csv = await api.get(`/api/journeys/${mapId}/export?format=csv&overlay=1`);
        expect(csv.status).toBe(400);
        expect(csv.json.error.details.problems[0].path).toBe("query.overlay");
      },
    );
});
