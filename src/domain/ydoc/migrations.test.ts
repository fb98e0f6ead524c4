import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { WaylineError } from "../errors.ts";
import { createMapDoc } from "../factory.ts";
import { JourneyMapSchema } from "../model/journey-map.ts";
import { fromYDoc } from "./from-ydoc.ts";
import { loadMapDoc, migrateDoc, SCHEMA_VERSION, schemaVersionOf } from "./migrations.ts";

/** Committed before versioning existed: a Y update of the pizza template (+ phase, step, rule). */
const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");
const v0Update = () => new Uint8Array(Buffer.from(fixture("layout-v0.update.b64").trim(), "base64"));
/**
 * The map the fixture held, read with today's schema: fields added later with a default (RICE
 * confidence and effort, solutions, KPI history) come out as their defaults.
 */
const v0Map = () => JourneyMapSchema.parse(JSON.parse(fixture("layout-v0.map.json")));

describe("the stored document is versioned", () => {
  it("the fixture is today's unversioned layout (version 0)", () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, v0Update());
    expect(doc.getMap("meta").has("schemaVersion")).toBe(false);
    expect(schemaVersionOf(doc)).toBe(0);
  });

  it("loading a version 0 document upgrades it to the current version with the same map", () => {
    const doc = loadMapDoc(v0Update());
    expect(SCHEMA_VERSION).toBe(2);
    expect(doc.getMap("meta").get("schemaVersion")).toBe(SCHEMA_VERSION);
    expect(fromYDoc(doc)).toEqual(v0Map());
  });

  it("the upgrade is one edit that replicas merge, and running it again changes nothing", () => {
    const doc = loadMapDoc(v0Update());
    const before = Y.encodeStateVector(doc);
    expect(migrateDoc(doc)).toBe(SCHEMA_VERSION);
    expect(Y.encodeStateVector(doc)).toEqual(before);
    const old = new Y.Doc();
    Y.applyUpdate(old, v0Update());
    Y.applyUpdate(old, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(old)));
    expect(schemaVersionOf(old)).toBe(SCHEMA_VERSION);
    expect(fromYDoc(old)).toEqual(v0Map());
  });

  it("new documents carry the current version", () => {
    expect(schemaVersionOf(createMapDoc("New", "current_state"))).toBe(SCHEMA_VERSION);
  });

  it("refuses a document newer than this code, on load and on read", () => {
    const doc = createMapDoc("Future", "current_state");
    doc.getMap("meta").set("schemaVersion", SCHEMA_VERSION + 1);
    const state = Y.encodeStateAsUpdate(doc);
    let err: unknown;
    try {
      loadMapDoc(state);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(WaylineError);
    expect((err as WaylineError).code).toBe("invalid_document");
    expect((err as WaylineError).message).toMatch(
      new RegExp(
        `saved by a newer Wayline \\(document version ${SCHEMA_VERSION + 1}.*reads up to ${SCHEMA_VERSION}`,
      ),
    );
    expect(() => fromYDoc(doc)).toThrow(/newer Wayline/);
  });
});

describe("version 1 → 2: activity rules out of meta", () => {
  /** A version-1 document as toYDoc wrote it before the fix: rules as a plain meta array. */
  function v1WithRulesInMeta() {
    const map = fromYDoc(loadMapDoc(v0Update()));
    expect(map.activityRules.length).toBeGreaterThan(0);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, v0Update());
    const meta = doc.getMap("meta");
    const rules = doc.getMap("rules");
    doc.transact(() => {
      meta.set("schemaVersion", 1);
      meta.set("activityRules", map.activityRules);
      for (const id of [...rules.keys()]) rules.delete(id);
    });
    return { doc, map };
  }

  it("moves the rules into the rules root and reads the same map", () => {
    const { doc, map } = v1WithRulesInMeta();
    expect(fromYDoc(doc, { validate: false }).activityRules).toEqual([]);
    expect(migrateDoc(doc)).toBe(1);
    expect(doc.getMap("meta").has("activityRules")).toBe(false);
    expect(fromYDoc(doc).activityRules).toEqual(map.activityRules);
  });

  it("skips entries that are not valid rules", () => {
    const { doc } = v1WithRulesInMeta();
    doc.getMap("meta").set("activityRules", [{ id: "bad", pattern: 3 }, "nonsense"]);
    migrateDoc(doc);
    expect([...doc.getMap("rules").keys()]).toEqual([]);
    expect(schemaVersionOf(doc)).toBe(SCHEMA_VERSION);
  });
});
