import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  DEFAULT_ENGINE,
  ENGINE_NAMES,
  ENGINES,
  isEngineName,
  ORACLE_ENGINE,
  openEngine,
} from "./registry.ts";
import { describeEngine } from "./testing/engines.ts";
import { randomLog } from "./testing/random-log.ts";

const dir = mkdtempSync(join(tmpdir(), "wayline-registry-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("engine registry", () => {
  it("lists every engine once, with exactly one oracle and a registered default", () => {
    expect(ENGINE_NAMES).toEqual(Object.keys(ENGINES));
    expect(ENGINE_NAMES.filter((n) => ENGINES[n].capabilities.oracle)).toEqual([ORACLE_ENGINE]);
    expect(isEngineName(DEFAULT_ENGINE)).toBe(true);
    expect(isEngineName("toString")).toBe(false);
    expect(isEngineName("sqlite")).toBe(false);
  });
});

for (const name of ENGINE_NAMES) {
  describeEngine(name, `registry entry "${name}"`, () => {
    const events = randomLog(3);

    it("opens an engine that reports its registry name and forgets its log on drop()", async () => {
      const engine = await openEngine(name);
      try {
        expect(engine.name).toBe(name);
        await engine.load({ events });
        expect((await engine.stats()).events).toBe(events.length);
        await engine.drop();
        // Dropped: either no table to read (database engines) or an empty log (in memory).
        expect(
          await engine.stats().then(
            (s) => s.events,
            () => 0,
          ),
        ).toBe(0);
        await engine.load({ events: events.slice(0, 5) });
        expect((await engine.stats()).events).toBe(5);
      } finally {
        await engine.close();
      }
    });

    if (!ENGINES[name].capabilities.persistent) return;

    it("keeps a stored log across close() and deletes it with drop()", async () => {
      const stored = { name: `wl_registry_${name}_${process.pid}`, file: join(dir, `${name}.duckdb`) };
      const first = await openEngine(name, { stored });
      await first.load({ events });
      await first.close();
      const second = await openEngine(name, { stored });
      expect((await second.stats()).events).toBe(events.length);
      await second.drop();
      await second.close();
      const third = await openEngine(name, { stored });
      try {
        await expect(third.stats()).rejects.toThrow(/does not exist|doesn't exist/);
      } finally {
        await third.close();
      }
    });
  });
}
