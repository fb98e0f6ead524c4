import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseNativeText } from "../domain/index.ts";
import { listTemplates } from "../domain/templates/index.ts";
import { DEFAULT_WORKSPACE_ID as WS } from "../storage/workspaces.ts";
import { createTestStore, type TestStore } from "../testing/databases.ts";
import { JourneyService } from "./journey-service.ts";

describe("every template round-trips through the native format", () => {
  let from: TestStore;
  let to: TestStore;
  beforeEach(async () => {
    from = await createTestStore("sqlite");
    to = await createTestStore("sqlite");
  });
  afterEach(async () => {
    await from.dispose();
    await to.dispose();
  });

  it.each(listTemplates().map((t) => [t.id]))(
    "%s: create → export → import elsewhere → deep-equal",
    async (templateId) => {
      const a = new JourneyService(from.store);
      const b = new JourneyService(to.store);
      const created = await a.create(WS, { templateId });
      const exported = await a.exportNative(WS, created.map.id);
      const text = JSON.stringify(exported, null, 2);
      const imported = await b.importNative(WS, parseNativeText(text));
      expect(imported.map).toEqual(created.map);
      expect(imported.personas).toEqual(created.personas);
      const again = await b.exportNative(WS, imported.map.id);
      expect({ ...again, exportedAt: exported.exportedAt }).toEqual(exported);
    },
  );
});
