import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { afterAll, expect, it } from "vitest";
import { type OpenServices, openServices } from "../../services/services.ts";
import { createTestDatabase, postgresAvailable } from "../../testing/databases.ts";
import { describeWithService } from "../../testing/services.ts";
import { DEFAULT_WORKSPACE_ID as WS } from "../workspaces.ts";
import { writeBackup } from "./backup.ts";
import { restoreBackup } from "./restore.ts";

const pgUp = await postgresAvailable();
const root = mkdtempSync(join(tmpdir(), "wayline-backup-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 7, 7, 7]);
const LOG = `case,activity,timestamp\n${Array.from({ length: 60 }, (_, i) =>
  [
    `c${i % 12}`,
    ["visit", "order", "pay", "review"][i % 4],
    new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
  ].join(","),
).join("\n")}\n`;

type Dialect = "sqlite" | "postgres";

/** An instance on a dialect with its own data folder. */
async function instance(dialect: Dialect) {
  const dataDir = join(root, `data${n++}`);
  const db = dialect === "postgres" ? await createTestDatabase("postgres") : null;
  const database = db ? db.options : { dataDir };
  return {
    dataDir,
    database,
    open: () => openServices({ database: { ...database, dataDir }, dataDir }),
    cleanUp: async () => db?.cleanUp(),
  };
}

/** Maps from several templates, edits, personas, a version, tokens, an account, a log, an upload. */
async function populate(o: OpenServices) {
  const s = o.services;
  const maps = [];
  for (const templateId of ["pizza-restaurant", "software-evaluation", "service-blueprint", "support"])
    maps.push(await s.journeys.create(WS, { templateId }).catch(() => null));
  const made = maps.filter((m) => m !== null);
  expect(made.length).toBeGreaterThanOrEqual(3);
  const first = made[0];
  if (!first) throw new Error("no map");
  await s.journeys.apply(WS, first.map.id, {
    baseVersion: first.version,
    commands: [{ type: "renameStage", id: first.map.stages[0]?.id as never, name: "Arrive – ünïcode ✓" }],
  });
  await s.versions.create(WS, first.map.id, "Before workshop");
  await s.journeys.create(WS, { title: "Blank", kind: "current_state" });
  await s.personas.create(WS, { name: "Alana Ortiz" } as never);
  await o.store.tokens.create("ci", "editor", new Date().toISOString());
  await o.store.accounts.createUser(
    { email: "a@b.test", name: "A", passwordHash: "$argon2id$fake" },
    new Date().toISOString(),
  );
  const csv = join(root, `log${n++}.csv`);
  writeFileSync(csv, LOG);
  await s.logs.import(WS, csv, { fileName: "shop.csv" });
  await s.uploads.create(WS, PNG, "photo.png");
}

/** Everything a user sees, in a comparable form. */
async function snapshot(o: OpenServices) {
  const s = o.services;
  const list = await o.store.journeys.list(WS, { limit: 100, offset: 0 });
  const maps = [];
  for (const m of list) {
    const v = await s.journeys.get(WS, m.id);
    maps.push({
      map: v.map,
      version: v.version,
      personas: v.personas,
      versions: await s.versions.list(WS, m.id),
    });
  }
  const logs = [];
  for (const l of await s.logs.list(WS))
    logs.push({
      info: l,
      stats: await s.logs.query(WS, l.id, (e) => e.stats()),
      variants: await s.logs.query(WS, l.id, (e) => e.variants({} as never)),
    });
  const uploads = await o.store.db.selectFrom("uploads").select(["id"]).execute();
  return {
    maps,
    personas: await s.personas.list(WS),
    logs,
    tokens: (await o.store.tokens.list()).map((t) => ({ ...t, lastUsedAt: null })),
    users: await o.store.db.selectFrom("users").selectAll().execute(),
    uploads: await Promise.all(uploads.map((u) => s.uploads.get(WS, u.id))),
    settings: await o.store.workspaces.settings(WS),
  };
}

const pairs: [Dialect, Dialect][] = [
  ["sqlite", "sqlite"],
  ["postgres", "postgres"],
  ["sqlite", "postgres"],
  ["postgres", "sqlite"],
];

for (const [from, to] of pairs)
  describeWithService(
    "PostgreSQL",
    (from === "sqlite" && to === "sqlite") || pgUp,
    `backup on ${from} → restore on ${to}`,
    () => {
      it("gives back every map, persona, version, token, account, log (stats equal) and upload", async () => {
        const a = await instance(from);
        const b = await instance(to);
        try {
          const source = await a.open();
          let before: Awaited<ReturnType<typeof snapshot>>;
          const file = join(root, `backup${n++}.wlbackup`);
          try {
            await populate(source);
            before = await snapshot(source);
            const summary = await writeBackup(source.store, a.dataDir, file);
            expect(summary.rows.journeys).toBe(before.maps.length);
            expect(summary.files).toBeGreaterThanOrEqual(1);
            expect(readdirSync(root).filter((f) => f.endsWith(".partial"))).toEqual([]);
          } finally {
            await source.close();
          }
          const restored = await restoreBackup(file, { dataDir: b.dataDir, database: b.database });
          expect(restored.from).toBe(from);
          expect(restored.rows.journeys).toBe(before.maps.length);
          const target = await b.open();
          try {
            const after = await snapshot(target);
            expect(after).toEqual(before);
            expect(after.logs[0]?.stats.events).toBe(60);
            // The restored instance takes edits and new tokens (PostgreSQL sequences moved past the ids).
            const m = after.maps.find((x) => x.map.stages.length > 1);
            if (!m) throw new Error("no map");
            const edited = await target.services.journeys.apply(WS, m.map.id, {
              baseVersion: m.version,
              commands: [{ type: "renameStage", id: m.map.stages[1]?.id as never, name: "After restore" }],
            });
            expect(edited.view.version).toBe(m.version + 1);
            await target.store.tokens.create("after-restore", "viewer", new Date().toISOString());
          } finally {
            await target.close();
          }
        } finally {
          await a.cleanUp();
          await b.cleanUp();
        }
      }, 60_000);
    },
  );

describe_refusals();

function describe_refusals() {
  describeWithService("PostgreSQL", pgUp, "restore refuses, and leaves nothing behind", () => {
    it("a non-empty data folder, a database that holds an instance, a truncated or damaged file, a newer format", async () => {
      const a = await instance("sqlite");
      const source = await a.open();
      const file = join(root, `backup${n++}.wlbackup`);
      try {
        await populate(source);
        await writeBackup(source.store, a.dataDir, file);
        await expect(writeBackup(source.store, a.dataDir, file)).rejects.toThrow(/already exists/);
      } finally {
        await source.close();
      }
      await expect(
        restoreBackup(file, { dataDir: a.dataDir, database: { dataDir: a.dataDir } }),
      ).rejects.toThrow(/the data folder .* is not empty \(.*wayline\.sqlite/);
      const pg = await instance("postgres");
      try {
        const running = await pg.open();
        await running.close();
        await expect(
          restoreBackup(file, { dataDir: join(root, `fresh${n++}`), database: pg.database }),
        ).rejects.toThrow(/already holds a Wayline instance/);
      } finally {
        await pg.cleanUp();
      }
      const lines = gunzipSync(readFileSync(file)).toString("utf8").split("\n").filter(Boolean);
      const variants: [string, string, RegExp][] = [
        ["truncated", lines.slice(0, -1).join("\n"), /truncated \(no end record\); nothing was restored/],
        [
          "damaged",
          lines.map((l) => (l.startsWith('{"chunk"') ? `{"chunk":"${"A".repeat(8)}"}` : l)).join("\n"),
          /line \d+: .*damaged backup|more bytes than announced/,
        ],
        [
          "newer",
          [lines[0]?.replace('"version":2', '"version":3'), ...lines.slice(1)].join("\n"),
          /format version 3 is newer than this Wayline reads \(2\)/,
        ],
        ["not json", `${lines[0]}\n{oops\n`, /bad\.wlbackup: line 2: not JSON/],
      ];
      for (const [label, body, expected] of variants) {
        const bad = join(root, `bad${n++}`);
        writeFileSync(join(root, "bad.wlbackup"), gzipSync(body));
        await expect(
          restoreBackup(
            join(root, "bad.wlbackup"),
            { dataDir: bad, database: { dataDir: bad } },
            "bad.wlbackup",
          ),
          label,
        ).rejects.toThrow(expected);
        expect(() => readdirSync(bad), label).toThrow(/ENOENT/);
      }
      // A version-1 file (written before ClickHouse events were copied) still restores.
      const v1 = join(root, "v1.wlbackup");
      writeFileSync(
        v1,
        gzipSync([lines[0]?.replace('"version":2', '"version":1'), ...lines.slice(1)].join("\n")),
      );
      const fromV1 = join(root, `fresh${n++}`);
      expect(
        (await restoreBackup(v1, { dataDir: fromV1, database: { dataDir: fromV1 } })).rows.journeys,
      ).toBeGreaterThan(0);
      const pg2 = await instance("postgres");
      try {
        writeFileSync(join(root, "bad.wlbackup"), gzipSync(lines.slice(0, -1).join("\n")));
        await expect(
          restoreBackup(join(root, "bad.wlbackup"), { dataDir: pg2.dataDir, database: pg2.database }),
        ).rejects.toThrow(/truncated/);
        // Nothing left in the schema: a good restore into it works.
        const ok = await restoreBackup(file, { dataDir: pg2.dataDir, database: pg2.database });
        expect(ok.rows.journeys).toBeGreaterThan(0);
      } finally {
        await pg2.cleanUp();
      }
      await a.cleanUp();
    }, 60_000);
  });
}
