import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { sortOrdered } from "../../../domain/index.ts";
import { levelScale } from "../../../render/emotion-geometry.ts";
import { PICTURE } from "../../../render/picture-layout.ts";
import { createTestStore, postgresAvailable, type TestStore } from "../../../testing/databases.ts";
import { createAppWithServices } from "../../app.ts";
import { localAuthenticator } from "../../auth.ts";
import { testClient } from "../../test-client.ts";

const pgUp = await postgresAvailable();
const hasPoppler = existsSync("/usr/bin/pdftotext");

/** csat answers (1…5) for three of the pizza map's stages; "Arrival" and the others get none. */
const CSV = `case_id,stage,metric,score,comment
c1,Aware,csat,4,
c2,Aware,csat,5,
c3,Aware,csat,3,
c4,Order,csat,2,slow
c5,Order,csat,1,
c6,Order,csat,2,
c7,Order,csat,3,
c8,Eat,csat,5,great crust
`;

interface Results {
  stages: {
    stageId: string;
    stageName: string;
    responses: number;
    emotion: { value: number; low: number; high: number } | null;
  }[];
}

describe("export with the survey-backed data overlay", () => {
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
    const dir = mkdtempSync(join(tmpdir(), "wayline-export-survey-"));
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
      expect(res.status, path).toBe(200);
      return new Uint8Array(await res.arrayBuffer());
    };
    const m = (await api.post("/api/journeys", { templateId: "pizza-restaurant" })).json;
    return {
      api,
      raw,
      map: m as {
        id: string;
        stages: { id: string; name: string; order: string }[];
        emotionScale: { min: number; max: number };
      },
    };
  }

  for (const dialect of ["sqlite", "postgres"] as const)
    it.skipIf(dialect === "postgres" && !pgUp)(
      `${dialect}: SVG and PDF draw the measured emotion with SurveyService.results' figures`,
      async () => {
        const { api, raw, map } = await setUp(dialect);
        const refused = await api.get(`/api/journeys/${map.id}/export?format=svg&overlay=1`);
        expect(refused.status).toBe(400);
        const imported = await api.post(`/api/journeys/${map.id}/surveys?filename=feedback.csv`, CSV, {
          "content-type": "text/csv",
          "x-wayline-upload": "1",
        });
        expect(imported.status).toBe(201);
        expect(imported.json.responses).toBe(8);
        const results = (await api.get(`/api/journeys/${map.id}/surveys/results`)).json as Results;
        const byId = new Map(results.stages.map((s) => [s.stageId, s]));
        const measured = results.stages.filter((s) => s.emotion);
        expect(measured.map((s) => s.stageName).sort()).toEqual(["Aware", "Eat", "Order"]);
        const responses = results.stages.reduce((n, s) => n + s.responses, 0);

        const svg = new TextDecoder().decode(
          await raw(`/api/journeys/${map.id}/export?format=svg&overlay=1`),
        );
        expect(svg).toContain(`surveys (${responses} responses)`);
        expect(svg).toContain("Dotted: measured by surveys,");
        // The band's label names every measured stage by column, with the service's figures.
        const stages = sortOrdered(map.stages);
        const label = stages
          .map((s, i) => {
            const e = byId.get(s.id)?.emotion;
            return e
              ? `stage ${i + 1} ${e.value.toFixed(1)} (${e.low.toFixed(1)} to ${e.high.toFixed(1)})`
              : null;
          })
          .filter(Boolean)
          .join(", ");
        expect(svg).toContain(`aria-label="Emotion measured by surveys: ${label}"`);
        // Each ring sits at its stage's column and at the height of the measured value.
        const layout = {
          columnWidth: PICTURE.columnWidth,
          height: PICTURE.emotionHeight,
          pad: PICTURE.emotionPad,
        };
        const { y } = levelScale(map.emotionScale, layout);
        const rings = [
          ...svg.matchAll(
            /<circle cx="([\d.]+)" cy="([\d.]+)" r="4.5" class="data-emotion-point"><title>([^<]*)<\/title>/g,
          ),
        ];
        expect(rings).toHaveLength(measured.length);
        for (const [, cx, cy, title] of rings) {
          const i = Math.round((Number(cx) - PICTURE.columnWidth / 2) / PICTURE.columnWidth);
          const e = byId.get(stages[i]?.id ?? "")?.emotion;
          expect(e, `ring at ${cx}`).toBeTruthy();
          if (!e) continue;
          const v = Math.min(map.emotionScale.max, Math.max(map.emotionScale.min, e.value));
          expect(Number(cy)).toBeCloseTo(y(v), 6);
          expect(title).toBe(
            `Emotion measured by surveys: ${e.value.toFixed(2)} (95 % ${e.low.toFixed(2)} – ${e.high.toFixed(2)})`,
          );
        }
        const plain = new TextDecoder().decode(await raw(`/api/journeys/${map.id}/export?format=svg`));
        expect(plain.includes(`class="data-emotion-point"`), "no rings without the overlay").toBe(false);

        if (hasPoppler) {
          const file = join(mkdtempSync(join(tmpdir(), "wayline-survey-pdf-")), "m.pdf");
          writeFileSync(file, await raw(`/api/journeys/${map.id}/export?format=pdf&overlay=1`));
          const text = execFileSync("pdftotext", ["-raw", file, "-"], { encoding: "utf8" });
          expect(text).toContain(`surveys (${responses} responses)`);
          expect(text).toContain("Dotted: measured by surveys,");
          expect(text).toContain("Observed in data");
        }
      },
    );
});
