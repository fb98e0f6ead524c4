import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, it } from "vitest";
import { DEFAULT_WORKSPACE_ID as WS } from "../../storage/workspaces.ts";
import { runWayline } from "../../testing/cli.ts";
import { openServices } from "../services.ts";
import { runAs } from "./actor-context.ts";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

it("a CLI edit (wayline versions --restore) is recorded as the operating-system user's (CLI)", async () => {
  const dir = mkdtempSync(join(tmpdir(), "wayline-cli-activity-"));
  dirs.push(dir);
  const ana = () => ({ kind: "member" as const, userId: "u-ana", name: "Ana" });
  const open = await openServices({ database: { dataDir: dir }, dataDir: dir });
  const { services } = open;
  const made = await services.journeys.create(WS, { title: "Pizza", kind: "current_state" });
  await runAs(ana, () =>
    services.journeys.apply(WS, made.map.id, {
      baseVersion: made.version,
      commands: [{ type: "addStage", id: "s1" as never, name: "Arrival" }],
    }),
  );
  const v = await services.versions.create(WS, made.map.id, "Before the rename", ["Ana"]);
  const current = await services.journeys.get(WS, made.map.id);
  await runAs(ana, () =>
    services.journeys.apply(WS, made.map.id, {
      baseVersion: current.version,
      commands: [{ type: "renameStage", id: "s1" as never, name: "Finding the place" }],
    }),
  );
  await open.close();

  const r = await runWayline(["versions", made.map.id, "--restore", v.id, "--data", dir], { cwd: dir });
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);

  const again = await openServices({ database: { dataDir: dir }, dataDir: dir });
  try {
    const page = await again.services.activity.listForMap(WS, made.map.id, {}, undefined);
    expect(page.entries.map((e) => `${e.actorName}: ${e.summary}`)).toEqual([
      expect.stringMatching(/^.+ \(CLI\): renamed stage “Finding the place” → “Arrival”$/),
      "Ana: renamed stage “Arrival” → “Finding the place”",
      "Ana: added stage “Arrival”",
      "Wayline: created the map “Pizza”",
    ]);
  } finally {
    await again.close();
  }
}, 120_000);
