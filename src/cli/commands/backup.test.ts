import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { runWayline } from "../../testing/cli.ts";
import { call, startServeProcess } from "../../testing/serve-process.ts";

const root = mkdtempSync(join(tmpdir(), "wayline-backup-cli-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

it("wayline backup while `wayline serve` runs and edits arrive, then wayline restore into an empty folder gives back every map and log", async () => {
  const a = join(root, "a");
  const b = join(root, "b");
  const server = await startServeProcess(a);
  const file = join(root, "instance.wlbackup");
  let maps: string[] = [];
  let logId = "";
  try {
    for (const templateId of ["pizza-restaurant", "support", "mobile-app"]) {
      const r = await call(server.url, "POST", "/api/journeys", { templateId });
      if (r.status === 201) maps.push(r.json.id);
    }
    expect(maps.length).toBeGreaterThanOrEqual(2);
    const csv = [
      "case,activity,timestamp",
      ...Array.from(
        { length: 40 },
        (_, i) => `c${i % 7},step${i % 3},2026-01-01T00:${String(i).padStart(2, "0")}:00Z`,
      ),
    ].join("\n");
    const up = await fetch(`${server.url}/api/logs?filename=shop.csv`, {
      method: "POST",
      headers: { "content-type": "text/csv", "x-wayline-upload": "1" },
      body: csv,
    });
    expect(up.status).toBe(201);
    logId = ((await up.json()) as { id: string }).id;
    // Edits keep arriving while the backup runs: the backup is one consistent snapshot.
    let editing = true;
    const first = maps[0] as string;
    const edits = (async () => {
      let v = (await call(server.url, "GET", `/api/journeys/${first}`)).json.version;
      while (editing) {
        const r = await call(server.url, "POST", `/api/journeys/${first}/commands`, {
          baseVersion: v,
          commands: [{ type: "setMapProperties", patch: { title: `Edited at v${v}` } }],
        });
        if (r.status !== 200) throw new Error(JSON.stringify(r.json));
        v = r.json.version;
      }
    })();
    const backup = await runWayline(["backup", "-o", file, "--data", a], { cwd: root });
    editing = false;
    await edits;
    expect(backup.stderr).toMatch(/wrote .*instance\.wlbackup: \d+ maps, \d+ rows, 1 log files/);
    expect(backup.code).toBe(0);
    expect((await runWayline(["backup", "-o", file, "--data", a], { cwd: root })).stderr).toMatch(
      /already exists/,
    );
  } finally {
    server.child.kill("SIGTERM");
    await server.exited;
  }
  // Restore into an empty folder; a non-empty one is refused.
  mkdirSync(join(root, "busy"));
  writeFileSync(join(root, "busy", "notes.txt"), "mine");
  const refused = await runWayline(["restore", file, "--data", join(root, "busy")], { cwd: root });
  expect(refused.code).toBe(1);
  expect(refused.stderr).toMatch(/data folder .*busy is not empty \(notes\.txt\)/);
  const restored = await runWayline(["restore", file, "--data", b], { cwd: root });
  expect(restored.stderr).toMatch(/restored .* \(sqlite, from sqlite\): \d+ maps, 1 log files/);
  expect(restored.code).toBe(0);
  const original = await startServeProcess(a);
  const copy = await startServeProcess(b);
  try {
    const list = async (base: string) => (await call(base, "GET", "/api/journeys")).json;
    maps = (await list(original.url)).map((m: { id: string }) => m.id);
    expect(maps.length).toBeGreaterThanOrEqual(2);
    for (const id of maps) {
      const x = await call(copy.url, "GET", `/api/journeys/${id}`);
      const y = await call(original.url, "GET", `/api/journeys/${id}`);
      expect(x.status).toBe(200);
      // The first map was edited during and after the snapshot: the copy holds one consistent version of it.
      if (x.json.version === y.json.version) expect(x.json).toEqual(y.json);
      else expect(x.json.version).toBeLessThan(y.json.version);
    }
    const s1 = await call(original.url, "GET", `/api/logs/${logId}/stats`);
    const s2 = await call(copy.url, "GET", `/api/logs/${logId}/stats`);
    expect(s2.status).toBe(200);
    expect(s2.json).toEqual(s1.json);
    expect((await call(copy.url, "GET", "/api/personas")).json).toEqual(
      (await call(original.url, "GET", "/api/personas")).json,
    );
  } finally {
    original.child.kill("SIGTERM");
    copy.child.kill("SIGTERM");
    await Promise.all([original.exited, copy.exited]);
  }
}, 90_000);
