import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runWayline } from "../../testing/cli.ts";

const dir = mkdtempSync(join(tmpdir(), "wayline-token-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const cli = (...args: string[]) => runWayline([...args, "--data", join(dir, "data")], { cwd: dir });

describe("wayline token (child process, finding 7)", () => {
  it("creates unique names, lists with last use, revokes by name and by id", async () => {
    expect((await cli("token", "create", "ci")).code).toBe(0);
    const dup = await cli("token", "create", "ci", "--role", "viewer");
    expect(dup.code).toBe(1);
    expect(dup.stderr).toMatch(/a token named "ci" already exists/);
    expect((await cli("token", "create", "bot", "--role", "viewer")).code).toBe(0);
    const listed = JSON.parse((await cli("token", "list", "--json")).stdout);
    expect(
      listed.map((t: { name: string; role: string; lastUsedAt: null }) => [t.name, t.role, t.lastUsedAt]),
    ).toEqual([
      ["ci", "editor", null],
      ["bot", "viewer", null],
    ]);
    expect((await cli("token", "list")).stdout).toMatch(/LAST USED[\s\S]*ci\s+editor[\s\S]*never/);
    expect((await cli("token", "revoke", "ci")).stdout).toMatch(/revoked token \d+ "ci"/);
    expect((await cli("token", "revoke", String(listed[1].id))).stdout).toMatch(/"bot"/);
    const none = await cli("token", "revoke", "ci");
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/no token named or numbered "ci"/);
    expect(JSON.parse((await cli("token", "list", "--json")).stdout)).toEqual([]);
  }, 120_000);
});

describe("the CLI asks the permission table as the token it is given (child process)", () => {
  it("a viewer token may read but not write (also via WAYLINE_TOKEN); unknown and revoked tokens are refused", async () => {
    const viewer = (await cli("token", "create", "reader", "--role", "viewer")).stdout.trim();
    const editor = (await cli("token", "create", "writer", "--role", "editor")).stdout.trim();
    const map = join(dir, "m.wayline.json");
    expect(
      (
        await runWayline(["new", "--template", "pizza-restaurant", "--title", "Token map", "-o", map], {
          cwd: dir,
        })
      ).code,
    ).toBe(0);
    // Writes: refused for the viewer before anything is stored, allowed for the editor.
    const refused = await cli("import", map, "--token", viewer);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/token "reader" \(viewer in workspace default\) may not map\.create/);
    const viaEnv = await runWayline(["import", map, "--data", join(dir, "data")], {
      cwd: dir,
      env: { WAYLINE_TOKEN: viewer },
    });
    expect(viaEnv.code).toBe(1);
    expect(viaEnv.stderr).toMatch(/may not map\.create/);
    expect((await cli("token", "list", "--token", viewer)).stderr).toMatch(/may not tokens\.manage/);
    expect((await cli("import", map, "--token", editor)).code).toBe(0);
    // Reads: the viewer sees the imported map.
    const seen = await cli("portfolio", "--json", "--token", viewer);
    expect(seen.code).toBe(0);
    expect(seen.stdout).toContain("Token map");
    const unknown = await cli("portfolio", "--token", "wl_not_a_token");
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/unknown or revoked token/);
    // Revoked: refused at once.
    await cli("token", "revoke", "reader");
    expect((await cli("portfolio", "--token", viewer)).stderr).toMatch(/unknown or revoked token/);
  }, 180_000);
});

describe("a token of another workspace acts there (child process)", () => {
  it("imports into, exports from and lists versions in the token's workspace, never the default one", async () => {
    const { openStore } = await import("../../storage/store.ts");
    const data = join(dir, "data-ws");
    const store = await openStore({ dataDir: data });
    const ws = "ws-north";
    try {
      await store.db
        .insertInto("workspaces")
        .values({ id: ws, name: "North", created_at: new Date().toISOString() })
        .execute();
    } finally {
      await store.close();
    }
    const run = (...args: string[]) => runWayline([...args, "--data", data], { cwd: dir });
    const token = (await run("token", "create", "north-ci", "--workspace", "North")).stdout.trim();
    const map = join(dir, "north.wayline.json");
    await runWayline(["new", "--template", "pizza-restaurant", "--title", "North map", "-o", map], {
      cwd: dir,
    });
    const imported = await run("import", map, "--json", "--token", token);
    expect(imported.code).toBe(0);
    const id = JSON.parse(imported.stdout)[0].id as string;
    // In the token's workspace: exported and versioned there …
    expect((await run("export", id, "--format", "md", "--token", token)).stdout).toContain("North map");
    expect((await run("versions", id, "--token", token)).code).toBe(0);
    // … and absent from the default workspace.
    const elsewhere = await run("export", id, "--format", "md");
    expect(elsewhere.code).toBe(1);
    expect(elsewhere.stderr).toMatch(/no journey map|not found/i);
    // The token may not act in another workspace by naming it.
    const other = await run("import", map, "--token", token, "--workspace", "default");
    expect(other.code).toBe(1);
    expect(other.stderr).toMatch(/may not map\.create in workspace default/);
  }, 180_000);
});
