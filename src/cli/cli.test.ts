import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createApp } from "../server/app.ts";
import { tokenAuthenticator } from "../server/auth.ts";
import { testClient } from "../server/test-client.ts";
import { openStore } from "../storage/store.ts";
import { DEFAULT_WORKSPACE_ID as WS } from "../storage/workspaces.ts";
import { type CliResult, runWayline } from "../testing/cli.ts";
import { createTestDatabase, postgresAvailable } from "../testing/databases.ts";
import { describeWithService } from "../testing/services.ts";

const dir = mkdtempSync(join(tmpdir(), "wayline-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the real `wayline` bin as a child process. */
const wayline = (...args: string[]): Promise<CliResult> => runWayline(args, { cwd: dir });

describe("wayline CLI", () => {
  it("prints help and exits 2 on usage errors", async () => {
    const help = await wayline("--help");
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/serve[\s\S]*templates[\s\S]*validate/);
    expect((await wayline("frobnicate")).code).toBe(2);
    expect((await wayline("new", "--template", "pizza-restaurant")).code).toBe(2);
  });

  it("lists templates as a table and as JSON", async () => {
    const table = await wayline("templates");
    expect(table.stdout).toMatch(/pizza-restaurant\s+.*Eva Moline/);
    const json = JSON.parse((await wayline("templates", "--json")).stdout);
    expect(json.length).toBeGreaterThanOrEqual(12);
  });

  it("writes a map from a template, validates it, imports and exports it", async () => {
    const file = join(dir, "pizza.wayline.json");
    expect((await wayline("new", "--template", "pizza-restaurant", "-o", file)).code).toBe(0);
    const ok = await wayline("validate", file);
    expect(ok).toMatchObject({ code: 0 });
    expect(ok.stdout).toContain("valid");
    // "valid" is also inside "invalid": the line must say this file is valid.
    expect(ok.stdout).toBe(`${file}: valid\n`);
    const imported = await wayline("import", file, "--data", join(dir, "data"), "--json");
    expect(imported.code).toBe(0);
    const [{ id }] = JSON.parse(imported.stdout);
    const out = join(dir, "out");
    const exported = await wayline("export", "--all", "-o", out, "--data", join(dir, "data"), "--json");
    expect(exported.code).toBe(0);
    const [{ file: written }] = JSON.parse(exported.stdout);
    const original = JSON.parse(readFileSync(file, "utf8"));
    const back = JSON.parse(readFileSync(written, "utf8"));
    expect(back.map).toEqual(original.map);
    expect(back.map.id).toBe(id);
    expect((await wayline("export", "no-such-id", "-o", out, "--data", join(dir, "data"))).code).toBe(1);
  });

  it("reports every problem of an invalid file with its path and exits 1", async () => {
    const file = join(dir, "pizza2.wayline.json");
    await wayline("new", "--template", "pizza-restaurant", "-o", file);
    const doc = JSON.parse(readFileSync(file, "utf8"));
    doc.map.title = "";
    doc.map.stages[2].name = 7;
    const bad = join(dir, "bad.wayline.json");
    writeFileSync(bad, JSON.stringify(doc));
    const dangling = JSON.parse(readFileSync(file, "utf8"));
    dangling.map.cards[0].stageId = "ghost";
    const bad2 = join(dir, "dangling.wayline.json");
    writeFileSync(bad2, JSON.stringify(dangling));
    writeFileSync(join(dir, "broken.json"), "{ nope");
    const r = await wayline("validate", file, bad, bad2, join(dir, "broken.json"), join(dir, "missing.json"));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${bad}: map.title:`);
    expect(r.stderr).toContain(`${bad}: map.stages[2].name:`);
    expect(r.stderr).toContain(`${bad2}: map.cards[0].stageId: no stage with id "ghost"`);
    expect(r.stderr).toContain("broken.json: (root): not valid JSON");
    expect(r.stderr).toContain("missing.json: (file): cannot read: ENOENT");
    expect(r.stderr).toContain("4 of 5 file(s) invalid");
    const json = JSON.parse((await wayline("validate", bad, "--json")).stdout);
    expect(json[0]).toMatchObject({ file: bad, valid: false });
  });

  it("refuses to import an invalid file and keeps the database unchanged", async () => {
    const data = join(dir, "data2");
    const good = join(dir, "good.wayline.json");
    await wayline("new", "--template", "mobile-app", "-o", good);
    expect((await wayline("import", good, "--data", data)).code).toBe(0);
    const r = await wayline("import", join(dir, "bad.wayline.json"), "--data", data);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad\.wayline\.json: invalid Wayline document/);
    const list = JSON.parse(
      (await wayline("export", "--all", "-o", join(dir, "out2"), "--data", data, "--json")).stdout,
    );
    expect(list).toHaveLength(1);
  });

  it("token create prints a token the server accepts with its role", async () => {
    const data = join(dir, "data-token");
    const r = await wayline("token", "create", "ci", "--role", "viewer", "--data", data);
    expect(r.code).toBe(0);
    const token = r.stdout.trim();
    expect(token).toMatch(/^wl_[A-Za-z0-9_-]{32}$/);
    expect(r.stderr).toMatch(/shown only once/);
    expect((await wayline("token", "create", "root", "--role", "god", "--data", data)).code).toBe(1);
    const store = await openStore({ dataDir: data });
    try {
      const api = testClient(createApp({ store, auth: tokenAuthenticator(store.tokens) }));
      const auth = { authorization: `Bearer ${token}` };
      expect((await api.get("/api/journeys", auth)).status).toBe(200);
      expect((await api.post("/api/journeys", { templateId: "pizza-restaurant" }, auth)).status).toBe(403);
      expect((await api.get("/api/journeys", { authorization: "Bearer wl_nope" })).status).toBe(401);
      expect(await store.tokens.verify(token)).toEqual({
        tokenId: expect.any(Number),
        createdAt: expect.any(String),
        name: "ci",
        role: "viewer",
        workspaceId: "default",
      });
    } finally {
      await store.close();
    }
  });
});

describeWithService(
  "PostgreSQL",
  await postgresAvailable(),
  "wayline CLI on PostgreSQL (DATABASE_URL)",
  () => {
    it("imports and exports through the same services as the server", async () => {
      const where = await createTestDatabase("postgres");
      try {
        const { url, pgSchema } = where.options;
        const env = { DATABASE_URL: `${url}?options=${encodeURIComponent(`-c search_path=${pgSchema}`)}` };
        const file = join(dir, "pg-pizza.wayline.json");
        expect((await wayline("new", "--template", "pizza-restaurant", "-o", file)).code).toBe(0);
        const imported = await runWayline(["import", file, "--json"], { cwd: dir, env });
        expect(imported.code).toBe(0);
        const [{ id }] = JSON.parse(imported.stdout);
        const store = await openStore(where.options);
        try {
          expect((await store.journeys.get(WS, id))?.map).toEqual(JSON.parse(readFileSync(file, "utf8")).map);
        } finally {
          await store.close();
        }
        const out = join(dir, "pg-out");
        const exported = await runWayline(["export", id, "-o", out, "--json"], { cwd: dir, env });
        expect(exported.code).toBe(0);
        const [{ file: written }] = JSON.parse(exported.stdout);
        expect(JSON.parse(readFileSync(written, "utf8")).map.id).toBe(id);
      } finally {
        await where.cleanUp();
      }
    });
  },
);
