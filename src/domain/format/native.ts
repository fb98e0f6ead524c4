import { z } from "zod";
import { invalid, type Problem, problemsFromIssues, WaylineError } from "../errors.ts";
import { type JourneyMap, JourneyMapSchema } from "../model/journey-map.ts";
import { type Persona, PersonaSchema } from "../model/persona.ts";

/** Version of the native `*.wayline.json` format this build writes. */
export const NATIVE_FORMAT_VERSION = 1;

/** Largest native document accepted (bytes of JSON text). */
export const MAX_NATIVE_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** One journey map with the personas it uses, as stored in a `*.wayline.json` file. */
export const NativeDocumentSchema = z
  .strictObject({
    /** Always "wayline". */
    format: z.literal("wayline"),
    /** Format version; older versions are migrated on import. */
    version: z.literal(NATIVE_FORMAT_VERSION),
    /** When the file was written (ISO 8601). */
    exportedAt: z.iso.datetime({ offset: true }),
    /** The map. */
    map: JourneyMapSchema,
    /** Every persona the map attaches (full copies, so the file stands alone). */
    personas: z.array(PersonaSchema).max(20),
  })
  .superRefine((d, ctx) => {
    const ids = new Set(d.personas.map((p) => p.id as string));
    d.map.personaIds.forEach((id, i) => {
      if (!ids.has(id))
        ctx.addIssue({
          code: "custom",
          path: ["map", "personaIds", i],
          message: `persona "${id}" is attached but not included in "personas"`,
        });
    });
  });
export type NativeDocument = z.infer<typeof NativeDocumentSchema>;

/** A migration turns a document of version N into version N+1 (plain JSON in, plain JSON out). */
export type Migration = (doc: Record<string, unknown>) => Record<string, unknown>;

/**
 * Migrations by the version they upgrade from. Version 1 is the first published version, so the
 * registry is empty; the chain mechanism is tested with a test-only registry.
 */
export const NATIVE_MIGRATIONS: Readonly<Record<number, Migration>> = {};

function versionOf(input: unknown): number {
  if (typeof input !== "object" || input === null || Array.isArray(input))
    throw invalid("invalid_document", "not a Wayline document", [
      { path: "(root)", message: "expected a JSON object" },
    ]);
  const doc = input as Record<string, unknown>;
  if (doc.format !== "wayline")
    throw invalid("invalid_document", "not a Wayline document", [
      { path: "format", message: `expected "wayline", got ${JSON.stringify(doc.format)}` },
    ]);
  const v = doc.version;
  if (typeof v !== "number" || !Number.isInteger(v) || v < 1)
    throw invalid("invalid_document", "not a Wayline document", [
      { path: "version", message: "expected a positive integer" },
    ]);
  return v;
}

/** Upgrades a document to `target` through the migration chain. */
export function migrateNative(
  input: unknown,
  migrations: Readonly<Record<number, Migration>> = NATIVE_MIGRATIONS,
  target = NATIVE_FORMAT_VERSION,
): Record<string, unknown> {
  let v = versionOf(input);
  if (v > target)
    throw invalid("invalid_document", "document was written by a newer Wayline", [
      { path: "version", message: `version ${v} is newer than ${target}, the newest this build reads` },
    ]);
  let doc = input as Record<string, unknown>;
  while (v < target) {
    const step = migrations[v];
    if (!step) throw new WaylineError("invalid_document", `no migration from format version ${v}`);
    doc = { ...step(doc), version: v + 1 };
    v++;
  }
  return doc;
}

/** Result of checking a document: the parsed document or every problem with its path. */
export type NativeCheck = { ok: true; document: NativeDocument } | { ok: false; problems: Problem[] };

/** Checks (and migrates) a parsed JSON value, collecting every problem instead of stopping at the first. */
export function checkNativeDocument(input: unknown): NativeCheck {
  let migrated: Record<string, unknown>;
  try {
    migrated = migrateNative(input);
  } catch (e) {
    if (e instanceof WaylineError)
      return {
        ok: false,
        problems: (e.details?.problems as Problem[]) ?? [{ path: "(root)", message: e.message }],
      };
    throw e;
  }
  const parsed = NativeDocumentSchema.safeParse(migrated);
  return parsed.success
    ? { ok: true, document: parsed.data }
    : { ok: false, problems: problemsFromIssues(parsed.error.issues) };
}

/** Parses a native document or throws `invalid_document` listing every problem. */
export function parseNativeDocument(input: unknown): NativeDocument {
  const r = checkNativeDocument(input);
  if (!r.ok) throw invalid("invalid_document", "invalid Wayline document", r.problems);
  return r.document;
}

/** Parses the text of a `*.wayline.json` file (JSON syntax errors are reported with their position). */
export function parseNativeText(text: string): NativeDocument {
  if (text.length > MAX_NATIVE_DOCUMENT_BYTES)
    throw new WaylineError("payload_too_large", `document is larger than ${MAX_NATIVE_DOCUMENT_BYTES} bytes`);
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw invalid("invalid_document", "not valid JSON", [{ path: "(root)", message: (e as Error).message }]);
  }
  return parseNativeDocument(json);
}

/** The native document of a map and its personas. */
export function toNativeDocument(
  map: JourneyMap,
  personas: readonly Persona[],
  exportedAt: string,
): NativeDocument {
  const attached = new Set(map.personaIds as string[]);
  return {
    format: "wayline",
    version: NATIVE_FORMAT_VERSION,
    exportedAt,
    map,
    personas: personas.filter((p) => attached.has(p.id)),
  };
}
