import { afterEach, beforeEach, expect, it } from "vitest";
import { JourneyService } from "../services/journey-service.ts";
import { createTestStore, postgresAvailable, type TestStore } from "../testing/databases.ts";
import { describeWithService } from "../testing/services.ts";
import { DEFAULT_WORKSPACE_ID as WS } from "./workspaces.ts";

const pgUp = await postgresAvailable();
const now = "2026-12-02T09:00:00.000Z";

for (const dialect of ["sqlite", "postgres"] as const)
  describeWithService("PostgreSQL", dialect === "sqlite" || pgUp, `workshop sessions on ${dialect}`, () => {
    let t: TestStore;
    let mapId: string;
    beforeEach(async () => {
      t = await createTestStore(dialect);
      mapId = (await new JourneyService(t.store).create(WS, { title: "W", kind: "current_state" })).map.id;
    });
    afterEach(async () => t.dispose());

    it("writes are a compare-and-swap on the version; the session goes with its map", async () => {
      const repo = t.store.workshops;
      expect(await repo.get(WS, mapId)).toBeNull();
      expect(await repo.versionOf(WS, mapId)).toBe(0);
      expect(await repo.put(WS, mapId, 0, '{"a":1}', now)).toBe(true);
      expect(await repo.put(WS, mapId, 0, '{"a":2}', now)).toBe(false);
      expect(await repo.put(WS, mapId, 1, '{"a":3}', now)).toBe(true);
      expect(await repo.put(WS, mapId, 1, '{"a":4}', now)).toBe(false);
      expect(await repo.get(WS, mapId)).toMatchObject({ version: 2, session: '{"a":3}', workspaceId: WS });
      expect(await repo.get("other", mapId)).toBeNull();
      expect(await repo.put("other", mapId, 2, "null", now)).toBe(false);
      await new JourneyService(t.store).delete(WS, mapId);
      expect(await repo.get(WS, mapId)).toBeNull();
    });
  });
