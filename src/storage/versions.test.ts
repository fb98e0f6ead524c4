import { afterEach, beforeEach, expect, it } from "vitest";
import * as Y from "yjs";
import { createMapDoc, fromYDoc, type MapId } from "../domain/index.ts";
import { createTestStore, postgresAvailable, type TestStore } from "../testing/databases.ts";
import { describeWithService } from "../testing/services.ts";
import { DEFAULT_WORKSPACE_ID as WS } from "./workspaces.ts";

const pgUp = await postgresAvailable();

for (const dialect of ["sqlite", "postgres"] as const) {
  describeWithService("PostgreSQL", dialect === "sqlite" || pgUp, `versions on ${dialect}`, () => {
    let t: TestStore;
    beforeEach(async () => {
      t = await createTestStore(dialect);
    });
    afterEach(async () => t.dispose());

    async function version(id: string, kind: "auto" | "named", createdAt: string) {
      const doc = createMapDoc("History", "current_state", {
        id: "m1" as MapId,
        now: "2026-01-01T00:00:00.000Z",
      });
      await t.store.versions.insert(WS, "m1", {
        id,
        kind,
        label: kind === "auto" ? "Automatic" : id,
        mapVersion: 1,
        authors: ["Ana"],
        summary: "First version",
        createdAt,
        map: fromYDoc(doc),
        state: Y.encodeStateAsUpdate(doc),
      });
    }

    it("stores versions with their Y state, lists newest first, prunes old automatic ones only, and goes with the map", async () => {
      await t.store.journeys.insert(
        WS,
        createMapDoc("History", "current_state", { id: "m1" as MapId, now: "2026-01-01T00:00:00.000Z" }),
      );
      await version("a1", "auto", "2026-01-01T10:00:00.000Z");
      await version("n1", "named", "2026-01-01T11:00:00.000Z");
      await version("a2", "auto", "2026-01-02T10:00:00.000Z");
      await version("a3", "auto", "2026-01-03T10:00:00.000Z");
      expect((await t.store.versions.list(WS, "m1")).map((v) => v.id)).toEqual(["a3", "a2", "n1", "a1"]);
      const got = await t.store.versions.get(WS, "m1", "n1");
      const doc = new Y.Doc();
      Y.applyUpdate(doc, got?.state ?? new Uint8Array());
      expect(fromYDoc(doc).title).toBe("History");
      expect(got?.authors).toEqual(["Ana"]);
      // Keep 2 automatic versions, and none older than Jan 2: a1 goes (both rules), the named one stays.
      expect(await t.store.versions.prune("m1", 2, "2026-01-02T00:00:00.000Z")).toBe(1);
      expect((await t.store.versions.list(WS, "m1")).map((v) => v.id)).toEqual(["a3", "a2", "n1"]);
      expect(await t.store.versions.prune("m1", 1, "2026-01-01T00:00:00.000Z")).toBe(1);
      expect((await t.store.versions.list(WS, "m1")).map((v) => v.id)).toEqual(["a3", "n1"]);
      expect(await t.store.versions.get("other-workspace", "m1", "a3")).toBeNull();
      expect(await t.store.journeys.delete(WS, "m1")).toBe(true);
      expect(await t.store.versions.list(WS, "m1")).toEqual([]);
    });
  });
}
