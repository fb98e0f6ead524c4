import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { applyCommands } from "../commands/apply.ts";
import { WaylineError } from "../errors.ts";
import { createPersona } from "../model/persona.ts";
import { sampleDoc } from "../testing.ts";
import { fromYDoc } from "../ydoc/from-ydoc.ts";
import { nativeJsonSchemaText } from "./json-schema.ts";
import { checkNativeDocument, migrateNative, parseNativeText, toNativeDocument } from "./native.ts";

const now = "2026-03-01T00:00:00.000Z";
function sample() {
  const doc = sampleDoc();
  applyCommands(doc, [{ type: "attachPersona", personaId: "eva" as never }]);
  const eva = createPersona({ name: "Eva" }, { id: "eva" as never, now });
  const other = createPersona({ name: "Other" }, { id: "other" as never, now });
  return toNativeDocument(fromYDoc(doc), [eva, other], now);
}

describe("native document", () => {
  it("includes only attached personas and round-trips through text", () => {
    const d = sample();
    expect(d.personas.map((p) => p.id)).toEqual(["eva"]);
    expect(parseNativeText(JSON.stringify(d))).toEqual(d);
    expect(parseNativeText(`\uFEFF${JSON.stringify(d)}`)).toEqual(d);
  });

  it("reports every problem with its path", () => {
    const d = sample() as unknown as { map: Record<string, unknown>; personas: unknown[] };
    const r = checkNativeDocument({ ...d, map: { ...d.map, title: "", kind: "mindmap" }, personas: [] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.path).sort()).toEqual(["map.kind", "map.title"]);
  });

  it("rejects a missing persona copy, wrong format, bad JSON and newer versions", () => {
    const d = sample();
    const missing = checkNativeDocument({ ...d, personas: [] });
    expect(!missing.ok && missing.problems[0]).toMatchObject({ path: "map.personaIds[0]" });
    expect(() => parseNativeText("{ nope")).toThrow(/not valid JSON/);
    const wrong = checkNativeDocument({ ...d, format: "miro" });
    expect(!wrong.ok && wrong.problems[0]?.path).toBe("format");
    const newer = checkNativeDocument({ ...d, version: 99 });
    expect(!newer.ok && newer.problems[0]?.message).toMatch(/newer than 1/);
    expect(checkNativeDocument([]).ok).toBe(false);
  });

  it("migrates old versions step by step through the registry", () => {
    const registry = {
      1: (doc: Record<string, unknown>) => ({ ...doc, added: "by v1→v2" }),
      2: (doc: Record<string, unknown>) => ({ ...doc, title: String(doc.name).toUpperCase() }),
    };
    const out = migrateNative({ format: "wayline", version: 1, name: "pizza" }, registry, 3);
    expect(out).toEqual({ format: "wayline", version: 3, name: "pizza", added: "by v1→v2", title: "PIZZA" });
    const noStep = () => migrateNative({ format: "wayline", version: 1 }, {}, 2);
    expect(noStep).toThrow(WaylineError);
    expect(noStep).toThrow(
      expect.objectContaining({ code: "invalid_document", message: "no migration from format version 1" }),
    );
  });

  it("ships a JSON Schema that matches the zod schema (run `npm run schema` after changing it)", () => {
    const shipped = readFileSync(
      new URL("../../../docs/schema/wayline.schema.json", import.meta.url),
      "utf8",
    );
    expect(shipped).toBe(nativeJsonSchemaText());
  });
});
