import * as Y from "yjs";
import { WaylineError } from "../errors.ts";
import { ActivityRuleSchema } from "../model/activity-rule.ts";
import { roots, yMapOf } from "./layout.ts";

/**
 * Versions of the Y.Doc layout (layout.ts). A document carries its version in
 * `meta.schemaVersion`; documents written before versioning carry none and are version 0.
 * To change the layout: bump SCHEMA_VERSION, add the step from the previous version to
 * MIGRATIONS, and commit a fixture of the previous layout next to migrations.test.ts.
 */
export const SCHEMA_VERSION = 2;

/** Origin of the transactions that upgrade a document (collaboration sees a normal edit). */
export const MIGRATION_ORIGIN = Symbol("wayline.migrateDoc");

/** Step N → N+1, keyed by N. Each runs inside one transaction and must be idempotent. */
const MIGRATIONS: Record<number, (doc: Y.Doc) => void> = {
  // 0 → 1: the layout is unchanged; the version stamp itself is what version 1 adds.
  0: () => {},
  // 1 → 2: toYDoc (new maps, imports, future states) wrote a map's activity rules as one plain
  // `meta.activityRules` array, which fromYDoc never read, so such maps lost their rules. Move
  // each valid rule into the `rules` root (where commands keep them) and drop the meta key.
  1: (doc) => {
    const r = roots(doc);
    const legacy = r.meta.get("activityRules");
    r.meta.delete("activityRules");
    if (!Array.isArray(legacy)) return;
    for (const raw of legacy) {
      const rule = ActivityRuleSchema.safeParse(raw);
      if (!rule.success || r.rules.has(rule.data.id)) continue;
      const { id, ...rest } = rule.data;
      r.rules.set(id, yMapOf(rest));
    }
  },
};

/** The layout version of a document (0 when it has none). */
export function schemaVersionOf(doc: Y.Doc): number {
  const v = roots(doc).meta.get("schemaVersion");
  return typeof v === "number" && Number.isInteger(v) && v >= 0 ? v : 0;
}

/** Refuses a document written by a newer Wayline, which this code would misread or damage. */
export function assertReadable(doc: Y.Doc): void {
  const v = schemaVersionOf(doc);
  if (v > SCHEMA_VERSION)
    throw new WaylineError(
      "invalid_document",
      `the map was saved by a newer Wayline (document version ${v}, this version reads up to ${SCHEMA_VERSION}); upgrade Wayline to open it`,
      { schemaVersion: v, supported: SCHEMA_VERSION },
    );
}

/** Upgrades a document in place to SCHEMA_VERSION; returns the version it had. Pure: no I/O. */
export function migrateDoc(doc: Y.Doc): number {
  assertReadable(doc);
  const from = schemaVersionOf(doc);
  if (from === SCHEMA_VERSION) return from;
  doc.transact(() => {
    for (let v = from; v < SCHEMA_VERSION; v++) {
      (MIGRATIONS[v] as (d: Y.Doc) => void)(doc);
      roots(doc).meta.set("schemaVersion", v + 1);
    }
  }, MIGRATION_ORIGIN);
  return from;
}

/** A map document from its stored state (a Y update), upgraded to the current layout. */
export function loadMapDoc(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  migrateDoc(doc);
  return doc;
}
