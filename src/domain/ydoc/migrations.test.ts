import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { WaylineError } from "../errors.ts";
import { createMapDoc } from "../factory.ts";
import { fromYDoc } from "./from-ydoc.ts";
import { loadMapDoc, migrateDoc, SCHEMA_VERSION, schemaVersionOf } from "./migrations.ts";

/** Committed before versioning existed: a Y update of the pizza template (+ phase, step, rule). */
const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");
const v0Update = () => new Uint8Array(Buffer.from(fixture("layout-v0.update.b64").trim(), "base64"));
const v0Map = () => JSON.parse(fixture("layout-v0.map.json"));

describe("the stored document is versioned", () => {
  it("the fixture is today's unversioned layout (version 0)", () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, v0Update());
    expect(doc.getMap("meta").has("schemaVersion")).toBe(false);
    expect(schemaVersionOf(doc)).toBe(0);
  });

  it("loading a version 0 document upgrades it to the current version with the same map", () => {
    const doc = loadMapDoc(v0Update());
    expect(SCHEMA_VERSION).toBe(1);
    expect(doc.getMap("meta").get("schemaVersion")).toBe(1);
    expect(fromYDoc(doc)).toEqual(v0Map());
  });

  it("the upgrade is one edit that replicas merge, and running it again changes nothing", () => {
    const doc = loadMapDoc(v0Update());
    const before = Y.encodeStateVector(doc);
    expect(migrateDoc(doc)).toBe(1);
    expect(Y.encodeStateVector(doc)).toEqual(before);
    const old = new Y.Doc();
    Y.applyUpdate(old, v0Update());
    Y.applyUpdate(old, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(old)));
    expect(schemaVersionOf(old)).toBe(1);
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
      /saved by a newer Wayline \(document version 2.*reads up to 1/,
    );
    expect(() => fromYDoc(doc)).toThrow(/newer Wayline/);
  });
});
