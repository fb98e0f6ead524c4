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
