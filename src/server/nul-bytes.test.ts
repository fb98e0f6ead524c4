import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { validateFile } from "../cli/commands/validate.ts";
import { createTestStore, postgresAvailable, type TestStore } from "../testing/databases.ts";
import { describeWithService } from "../testing/services.ts";
import { createAppWithServices } from "./app.ts";
import { localAuthenticator } from "./auth.ts";
import { testClient } from "./test-client.ts";

const pgUp = await postgresAvailable();
const NUL = "a\u0000b";

for (const dialect of ["sqlite", "postgres"] as const) {
  describeWithService(
    "PostgreSQL",
    dialect === "sqlite" || pgUp,
    `NUL bytes are refused at the boundary on ${dialect} (finding 4)`,
    () => {
      let t: TestStore;
      let dir: string;
      let api: ReturnType<typeof testClient>;
      let close: () => Promise<void>;
      beforeEach(async () => {
        t = await createTestStore(dialect);
        dir = mkdtempSync(join(tmpdir(), "wayline-nul-"));
        const { app, services } = createAppWithServices({
          store: t.store,
          auth: localAuthenticator(),
          dataDir: dir,
        });
        api = testClient(app);
        close = () => services.logs.close();
      });
      afterEach(async () => {
        await close();
        await t.dispose();
        rmSync(dir, { recursive: true, force: true });
      });

      const refused = (r: {
        status: number;
        json: { error: { code: string; message: string; details?: unknown } };
      }) => {
        expect(r.status).toBe(400);
        expect(r.json.error.code).toBe("invalid_request");
        expect(JSON.stringify(r.json.error)).toMatch(/NUL/);
      };

      it("in a title, a persona field, a command, a log name, an id and a query", async () => {
        refused(await api.post("/api/journeys", { title: NUL, kind: "current_state" }));
        refused(await api.post("/api/personas", { name: NUL }));
        refused(await api.post("/api/personas", { name: "Eva", personalGoals: [NUL] }));
        const m = (await api.post("/api/journeys", { title: "ok", kind: "current_state" })).json;
        const cmd = await api.post(`/api/journeys/${m.id}/commands`, {
          baseVersion: 1,
          commands: [{ type: "addStage", name: NUL }],
        });
        expect(cmd.status).toBe(400);
        expect(JSON.stringify(cmd.json)).toMatch(/NUL/);
        refused(
          await api.post(
            `/api/logs?filename=x.csv&name=${encodeURIComponent(NUL)}`,
            "case,activity,timestamp\n1,a,2024-01-01T00:00:00Z\n",
            {
              "content-type": "text/csv",
              "x-wayline-upload": "1",
            },
          ),
        );
        refused(await api.get(`/api/journeys/${encodeURIComponent(NUL)}`));
        refused(await api.get(`/api/personas/${encodeURIComponent(NUL)}`));
        refused(await api.get(`/api/journeys?q=${encodeURIComponent(NUL)}`));
        expect((await api.get("/api/journeys")).json).toHaveLength(1);
      });

      it("in a version label and a portfolio owner (the schemas that came with versions and portfolio)", async () => {
        const m = (await api.post("/api/journeys", { title: "ok", kind: "current_state" })).json;
        refused(await api.post(`/api/journeys/${m.id}/versions`, { label: NUL }));
        refused(
          await api.patch("/api/portfolio", { items: [{ mapId: m.id, cardId: "c1" }], set: { owner: NUL } }),
        );
        refused(
          await api.patch("/api/portfolio", {
            items: [{ mapId: NUL, cardId: "c1" }],
            set: { status: "done" },
          }),
        );
      });
    },
  );
}

it("wayline validate calls a map with a NUL byte invalid", async () => {
  const t = await createTestStore("sqlite");
  const dir = mkdtempSync(join(tmpdir(), "wayline-nul-v-"));
  try {
    const { app } = createAppWithServices({ store: t.store, auth: localAuthenticator(), dataDir: dir });
    const api = testClient(app);
    const m = (await api.post("/api/journeys", { title: "ok", kind: "current_state" })).json;
    const doc = (await api.get(`/api/journeys/${m.id}/export`)).json;
    const file = join(dir, "nul.wayline.json");
    writeFileSync(file, JSON.stringify(doc).replace('"ok"', JSON.stringify(NUL)));
    expect(validateFile(file)).toEqual([
      expect.objectContaining({ path: "map.title", message: expect.stringMatching(/NUL/) }),
    ]);
  } finally {
    await t.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
});
