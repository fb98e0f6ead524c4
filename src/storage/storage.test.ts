import { afterEach, beforeEach, expect, it } from "vitest";
import * as Y from "yjs";
import { applyCommands, createMapDoc, createPersona, fromYDoc, type MapId } from "../domain/index.ts";
import { createTestStore, postgresAvailable, type TestStore } from "../testing/databases.ts";
import { describeWithService } from "../testing/services.ts";
import { DEFAULT_WORKSPACE_ID as WS } from "./workspaces.ts";

const pgUp = await postgresAvailable();
const now = "2026-05-01T10:00:00.000Z";

for (const dialect of ["sqlite", "postgres"] as const) {
  const available = dialect === "sqlite" || pgUp;
  describeWithService(
    dialect === "postgres" ? "PostgreSQL" : "SQLite",
    available,
    `storage on ${dialect}`,
    () => {
      let t: TestStore;
      beforeEach(async () => {
        t = await createTestStore(dialect);
      });
      afterEach(async () => {
        await t.dispose();
      });

      it("stores a map and reads it back after a restart", async () => {
        const doc = createMapDoc("Pizza night", "current_state", { id: "m1" as MapId, now });
        applyCommands(doc, [{ type: "addStage", name: "Aware" }], { now });
        await t.store.journeys.insert(WS, doc);
        const again = await t.reopen();
        const stored = await again.journeys.get(WS, "m1");
        expect(stored?.version).toBe(1);
        expect(stored?.map).toEqual(fromYDoc(doc));
        const restored = new Y.Doc();
        Y.applyUpdate(restored, stored?.state ?? new Uint8Array());
        expect(fromYDoc(restored)).toEqual(fromYDoc(doc));
      });

      it("updates under a transaction, bumps the version and records the change", async () => {
        await t.store.journeys.insert(WS, createMapDoc("M", "current_state", { id: "m1" as MapId, now }));
        const out = await t.store.journeys.update(WS, "m1", (doc) => {
          const r = applyCommands(doc, [{ type: "addStage", id: "s1" as never, name: "Aware" }], { now });
          return { change: r, result: r.created };
        });
        expect(out?.stored.version).toBe(2);
        expect(out?.result).toEqual(["s1"]);
        expect(out?.stored.map.stages.map((s) => [s.id, s.name])).toEqual([["s1", "Aware"]]);
        expect(await t.store.journeys.writesSince("m1", 1)).toEqual(["stage:s1"]);
        expect(await t.store.journeys.writesSince("m1", 2)).toEqual([]);
        const reread = await (await t.reopen()).journeys.get(WS, "m1");
        expect(reread).toMatchObject({ version: 2 });
        expect(reread?.map.stages.map((s) => s.name)).toEqual(["Aware"]);
        const restored = new Y.Doc();
        Y.applyUpdate(restored, reread?.state ?? new Uint8Array());
        expect(fromYDoc(restored)).toEqual(reread?.map);
      });

      it("keeps nothing when an edit fails", async () => {
        await t.store.journeys.insert(WS, createMapDoc("M", "current_state", { id: "m1" as MapId, now }));
        await expect(
          t.store.journeys.update(WS, "m1", (doc) => {
            applyCommands(doc, [{ type: "addStage", name: "Half-done" }], { now });
            throw new Error("boom");
          }),
        ).rejects.toThrow("boom");
        const stored = await t.store.journeys.get(WS, "m1");
        expect(stored?.version).toBe(1);
        expect(stored?.map.stages).toEqual([]);
      });

      it("serialises concurrent updates without losing any", async () => {
        await t.store.journeys.insert(WS, createMapDoc("M", "current_state", { id: "m1" as MapId, now }));
        await Promise.all(
          Array.from({ length: 8 }, (_, i) =>
            t.store.journeys.update(WS, "m1", (doc) => ({
              change: applyCommands(doc, [{ type: "addStage", name: `S${i}` }], { now }),
              result: null,
            })),
          ),
        );
        const stored = await t.store.journeys.get(WS, "m1");
        expect(stored?.version).toBe(9);
        expect(stored?.map.stages).toHaveLength(8);
      });

      it("lists with filters and deletes", async () => {
        for (const [id, title, kind] of [
          ["a", "Pizza restaurant", "current_state"],
          ["b", "Pizza delivery 100%", "future_state"],
          ["c", "Car service", "service_blueprint"],
        ] as const) {
          const doc = createMapDoc(title, kind, { id: id as MapId, now });
          if (id === "c")
            applyCommands(
              doc,
              [{ type: "setMapProperties", patch: { tags: ["b2c"], status: "published" } }],
              { now },
            );
          await t.store.journeys.insert(WS, doc);
        }
        const page = { limit: 50, offset: 0 };
        const ids = async (f: object) =>
          (await t.store.journeys.list(WS, { ...page, ...f })).map((s) => s.id).sort();
        expect(await ids({})).toEqual(["a", "b", "c"]);
        expect(await ids({ q: "PIZZA" })).toEqual(["a", "b"]);
        expect(await ids({ q: "100%" })).toEqual(["b"]);
        expect(await ids({ kind: "future_state" })).toEqual(["b"]);
        expect(await ids({ tag: "b2c", status: "published" })).toEqual(["c"]);
        expect(await ids({ limit: 1 })).toHaveLength(1);
        expect(await t.store.journeys.delete(WS, "a")).toBe(true);
        expect(await t.store.journeys.delete(WS, "a")).toBe(false);
        expect(await t.store.journeys.get(WS, "a")).toBeNull();
      });

      it("stores personas", async () => {
        const eva = createPersona(
          { name: "Eva Moline", age: 29, role: "Journalist" },
          { id: "eva" as never, now },
        );
        await t.store.personas.put(WS, eva);
        await t.store.personas.put(WS, { ...eva, age: 30 });
        expect(await (await t.reopen()).personas.list(WS)).toEqual([{ ...eva, age: 30 }]);
        expect(await t.store.personas.getMany(WS, ["nobody", "eva"])).toHaveLength(1);
        expect(await t.store.personas.delete(WS, "eva")).toBe(true);
        expect(await t.store.personas.list(WS)).toEqual([]);
      });

      it("verifies API tokens by hash only", async () => {
        const token = await t.store.tokens.create("ci", "editor", now);
        expect(await t.store.tokens.verify(token)).toEqual({
          tokenId: expect.any(Number),
          createdAt: now,
          name: "ci",
          role: "editor",
          workspaceId: expect.any(String),
        });
        expect(await t.store.tokens.verify(`${token}x`)).toBeNull();
        const rows = await t.store.db.selectFrom("api_tokens").selectAll().execute();
        expect(JSON.stringify(rows)).not.toContain(token);
      });
    },
  );
}
