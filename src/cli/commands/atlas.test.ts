import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createServices } from "../../services/services.ts";
import { openStore } from "../../storage/store.ts";
import { runWayline } from "../../testing/cli.ts";

const dir = mkdtempSync(join(tmpdir(), "wayline-atlas-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const data = join(dir, "data");
const wayline = (...args: string[]) => runWayline([...args, "--data", data], { cwd: dir });

/** Adds a workspace "Growth" with one map (the pizza template) straight through the services. */
async function growthWorkspace(): Promise<string> {
  const store = await openStore({ dataDir: data });
  try {
    const owner = await store.accounts.createUser(
      { email: "g@x.io", name: "G", passwordHash: "h" },
      new Date().toISOString(),
    );
    const ws = await store.members.createWorkspace("Growth", owner.id, new Date().toISOString());
    const services = createServices({ store, dataDir: data });
    await services.journeys.create(ws.id, { templateId: "mobile-app" });
    await services.close();
    return ws.id;
  } finally {
    await store.close();
  }
}

describe("wayline atlas and --workspace", { timeout: 180_000 }, () => {
  it("prints the atlas and exits 1 with --fail-on stale only when a stale map is shown", async () => {
    const file = join(dir, "pizza.wayline.json");
    expect((await runWayline(["new", "--template", "pizza-restaurant", "-o", file], { cwd: dir })).code).toBe(
      0,
    );
    expect((await wayline("import", file)).code).toBe(0);

    const now = await wayline("atlas", "--fail-on", "stale");
    expect(now.code).toBe(0);
    expect(now.stdout).toMatch(/Atlas on \d{4}-\d\d-\d\d: 1 map\(s\), 0 stale/);
    expect(now.stdout).toContain("Eva Moline");
    expect(now.stdout).toContain("All journeys");

    const later = await wayline("atlas", "--today", "2099-01-01", "--fail-on", "stale", "--json");
    expect(later.code).toBe(1);
    const atlas = JSON.parse(later.stdout);
    expect(atlas.staleCount).toBe(1);
    expect(atlas.rows[0].cells[0][0].tile.stale).toBe(true);

    const none = await wayline("atlas", "--today", "2099-01-01", "--owner", "Nobody", "--fail-on", "stale");
    expect(none.code).toBe(0);
    expect(none.stdout).toContain("0 map(s), 0 stale");

    const bad = await wayline("atlas", "--fail-on", "overdue");
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("failOn");
  });

  it("--workspace reads another workspace for atlas, portfolio and attention", async () => {
    const id = await growthWorkspace();
    for (const ws of ["Growth", "growth", id]) {
      const atlas = JSON.parse((await wayline("atlas", "--workspace", ws, "--json")).stdout);
      expect(atlas.mapCount).toBe(1);
      expect(
        atlas.rows.flatMap((r: { cells: { tile: { title: string } }[][] }) =>
          r.cells.flat().map((e) => e.tile.title),
        )[0],
      ).toMatch(/app/i);
    }
    const portfolio = JSON.parse((await wayline("portfolio", "--workspace", "Growth", "--json")).stdout);
    expect(portfolio.items.every((i: { mapTitle: string }) => /app/i.test(i.mapTitle))).toBe(true);
    const attention = JSON.parse((await wayline("attention", "--workspace", "Growth", "--json")).stdout);
    expect(attention.mapCount).toBe(1);
    const unknown = await wayline("attention", "--workspace", "Nope");
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('--workspace: no workspace with id or name "Nope"');
  });
});
