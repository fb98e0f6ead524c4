import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MAP_FORMAT_KEYS, MAP_FORMATS, writeCsv } from "../../../domain/index.ts";
import { decodePng } from "../../../services/export/testing/png-decode.ts";
import { postgresAvailable } from "../../../testing/databases.ts";
import { describeWithService } from "../../../testing/services.ts";
import { createApp } from "../../app.ts";
import { localAuthenticator } from "../../auth.ts";
import { useTestApi } from "../../test-api.ts";

const pgUp = await postgresAvailable();

for (const dialect of ["sqlite", "postgres"] as const)
  describeWithService(
    "PostgreSQL",
    dialect === "sqlite" || pgUp,
    `journey export and import routes on ${dialect}`,
    () => {
      const t = useTestApi({}, dialect);
      const env = { incoming: { socket: { remoteAddress: "127.0.0.1" } } };
      async function raw(method: string, path: string, body?: Uint8Array | string, type = "text/plain") {
        const app = createApp({ auth: localAuthenticator(), store: t.store });
        // Raw file bodies are uploads: the custom header makes browsers preflight them (write-guard.ts).
        const headers = { host: "localhost:4400", "content-type": type, "x-wayline-upload": "1" };
        const init: RequestInit = { method, headers };
        if (body !== undefined)
          init.body = typeof body === "string" ? body : new Blob([new Uint8Array(body)]);
        const res = await app.request(path, init, env);
        return {
          status: res.status,
          type: res.headers.get("content-type") ?? "",
          disposition: res.headers.get("content-disposition") ?? "",
          bytes: new Uint8Array(await res.arrayBuffer()),
        };
      }
      const json = (b: Uint8Array) => JSON.parse(new TextDecoder().decode(b));
      const count = async () => (await t.api.get("/api/journeys")).json.length;

      describe("GET /api/journeys/:id/export in every registry format", () => {
        it("answers each format with its MIME type and file name", async () => {
          const m = (await t.api.post("/api/journeys", { templateId: "mobile-app" })).json;
          for (const f of MAP_FORMAT_KEYS) {
            const res = await raw("GET", `/api/journeys/${m.id}/export?format=${f}`);
            expect(res.status, f).toBe(200);
            expect(res.type).toBe(MAP_FORMATS[f].mime);
            expect(res.disposition).toMatch(
              new RegExp(`^attachment; filename=".+\\.${MAP_FORMATS[f].extension.replace(".", "\\.")}"$`),
            );
            expect(res.bytes.length, f).toBeGreaterThan(100);
          }
          const png = await raw("GET", `/api/journeys/${m.id}/export?format=png&scale=2&theme=dark&inline`);
          expect(png.disposition).toMatch(/^inline/);
          expect(decodePng(png.bytes).width).toBeGreaterThan(2000);
        });

        it.skipIf(!existsSync("/usr/bin/pdftotext"))(
          "a tiled A1 poster PDF has every stage name as text",
          async () => {
            const m = (await t.api.post("/api/journeys", { templateId: "pizza-restaurant" })).json;
            const res = await raw("GET", `/api/journeys/${m.id}/export?format=pdf&page=A1&layout=tile`);
            const file = join(mkdtempSync(join(tmpdir(), "wayline-api-")), "p.pdf");
            writeFileSync(file, res.bytes);
            const text = execFileSync("pdftotext", ["-raw", file, "-"], { encoding: "utf8" });
            for (const s of m.stages) expect(text).toContain(s.name);
          },
        );

        it.skipIf(!existsSync("/usr/bin/pdftoppm"))(
          "preview=page answers the PDF's own first page as a PNG, with the page count",
          async () => {
            const m = (await t.api.post("/api/journeys", { templateId: "pizza-restaurant" })).json;
            const app = createApp({ auth: localAuthenticator(), store: t.store });
            const res = await app.request(
              `/api/journeys/${m.id}/export?format=pdf&page=A4&layout=tile&inline&preview=page`,
              { headers: { host: "localhost:4400" } },
              env,
            );
            expect(res.status).toBe(200);
            expect(res.headers.get("content-type")).toBe("image/png");
            expect(Number(res.headers.get("x-wayline-pdf-pages"))).toBeGreaterThan(2);
            const png = Buffer.from(await res.arrayBuffer());
            expect(png.subarray(1, 4).toString()).toBe("PNG");
            const img = { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
            expect(Math.max(img.width, img.height)).toBe(1400);
            expect(img.width / img.height).toBeCloseTo(841.89 / 595.28, 2);
            const bad = await t.api.get(`/api/journeys/${m.id}/export?format=png&preview=page`);
            expect(bad.status).toBe(400);
            expect(bad.json.error.details.problems[0].path).toBe("query.preview");
          },
        );

        it("rejects an unknown format or option with the query path", async () => {
          const m = (await t.api.post("/api/journeys", { templateId: "mobile-app" })).json;
          const bad = await t.api.get(`/api/journeys/${m.id}/export?format=docx`);
          expect(bad.status).toBe(400);
          expect(bad.json.error.details.problems[0].path).toBe("query.format");
          expect(
            (await t.api.get(`/api/journeys/${m.id}/export?format=pdf&page=B5`)).json.error.details
              .problems[0].path,
          ).toBe("query.page");
          expect((await t.api.get("/api/journeys/nope/export?format=svg")).status).toBe(404);
        });
      });

      describe("POST /api/journeys/import of every importable format", () => {
        it("round-trips Mermaid, CSV and XLSX exports of a map", async () => {
          const m = (await t.api.post("/api/journeys", { templateId: "pizza-restaurant" })).json;
          const mmd = await raw("GET", `/api/journeys/${m.id}/export?format=mermaid`);
          const back = await raw("POST", "/api/journeys/import?format=mermaid", mmd.bytes);
          expect(back.status).toBe(201);
          const { id, version, personas, ...rest } = json(back.bytes);
          const { id: _i, version: _v, personas: _p, ...want } = m;
          expect(rest).toEqual({ ...want, updatedAt: rest.updatedAt, createdAt: rest.createdAt });
          expect(id).not.toBe(m.id);
          for (const f of ["csv", "xlsx"] as const) {
            const file = await raw("GET", `/api/journeys/${m.id}/export?format=${f}`);
            const made = await raw(
              "POST",
              `/api/journeys/import?name=pizza.${f}`,
              file.bytes,
              "application/octet-stream",
            );
            expect(made.status, f).toBe(201);
            expect(json(made.bytes).stages.map((s: { name: string }) => s.name)).toEqual(
              m.stages.map((s: { name: string }) => s.name),
            );
          }
        });

        it("previews a spreadsheet with guessed lane types and creates nothing, then creates it with the confirmed types", async () => {
          const csv = writeCsv([
            ["Q3 journey", "Find", "Buy"],
            ["Touchpoints", "Search ad", "Checkout"],
            ["Gefühle", "3", "-2 — slow payment"],
            ["Notes", "x", "y"],
          ]);
          const before = await count();
          const dry = await raw("POST", "/api/journeys/import?format=csv&dryRun=1", csv);
          expect(dry.status).toBe(200);
          expect(json(dry.bytes)).toMatchObject({
            dryRun: true,
            title: "Q3 journey",
            stages: ["Find", "Buy"],
            lanes: [
              { row: 2, type: "touchpoints", guessed: true },
              { row: 3, type: "emotion" },
              { row: 4, type: "text", guessed: false },
            ],
          });
          expect(await count()).toBe(before);
          const made = await raw("POST", "/api/journeys/import?format=csv&laneTypes=4:questions", csv);
          expect(made.status).toBe(201);
          expect(json(made.bytes).lanes.map((l: { type: string }) => l.type)).toEqual([
            "touchpoints",
            "emotion",
            "questions",
          ]);
          expect(await count()).toBe(before + 1);
        });

        it("answers bad files with located problems and creates nothing", async () => {
          const before = await count();
          const mmd = await raw(
            "POST",
            "/api/journeys/import?format=mermaid",
            "journey\n  title T\n  section S\n    no colon here\n",
          );
          expect(mmd.status).toBe(400);
          expect(json(mmd.bytes).error).toMatchObject({
            code: "invalid_document",
            details: { problems: [{ path: "line 4" }] },
          });
          const csv = await raw(
            "POST",
            "/api/journeys/import?format=csv&laneTypes=2:emotion",
            writeCsv([
              ["M", "A"],
              ["Mood", "awful"],
            ]),
          );
          expect(json(csv.bytes).error.details.problems[0].path).toBe("CSV!B2");
          const xlsx = await raw(
            "POST",
            "/api/journeys/import?name=broken.xlsx",
            "not a zip",
            "application/octet-stream",
          );
          expect(xlsx.status).toBe(400);
          const unknown = await raw(
            "POST",
            "/api/journeys/import?name=map.docx",
            "x",
            "application/octet-stream",
          );
          expect(unknown.status).toBe(415);
          const lanes = await raw("POST", "/api/journeys/import?format=csv&laneTypes=2:banana", "a,b\n");
          expect(json(lanes.bytes).error.code).toBe("invalid_request");
          expect(await count()).toBe(before);
        });
      });
    },
  );
