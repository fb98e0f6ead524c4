import { existsSync, statSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import {
  ExportOptionsSchema,
  type ImportFormat,
  invalid,
  MAP_FORMAT_KEYS,
  MAP_FORMATS,
  MAX_NATIVE_DOCUMENT_BYTES,
  type MapFormat,
  mapFormatOf,
  newId,
  problemsFromIssues,
  WaylineError,
} from "../../domain/index.ts";
import type { OverlaySources } from "../../services/export/overlay.ts";
import type { JourneyService } from "../../services/journey-service.ts";
import { printJson } from "../io.ts";
import { readInputBytes } from "../read-bounded.ts";

/** Options of `wayline export … --format`. */
export interface FormatExportOptions {
  format?: string;
  output?: string;
  lanes?: string;
  personas?: string;
  theme?: string;
  scale?: string;
  page?: string;
  layout?: string;
  overlay?: boolean;
}

/** The format asked for: `--format`, else the extension of `-o` (e.g. `-o map.pdf`); null for the native folder export. */
export function chosenFormat(o: FormatExportOptions): MapFormat | null {
  if (o.format) {
    if (!(MAP_FORMAT_KEYS as string[]).includes(o.format))
      throw new WaylineError(
        "invalid_request",
        `--format must be one of ${MAP_FORMAT_KEYS.join(", ")}, got "${o.format}"`,
      );
    return o.format as MapFormat;
  }
  if (o.output && !(existsSync(o.output) && statSync(o.output).isDirectory())) return mapFormatOf(o.output);
  return null;
}

function exportOptions(o: FormatExportOptions) {
  const raw = Object.fromEntries([
    ...(["lanes", "personas", "theme", "scale", "page", "layout"] as const).flatMap((k) =>
      o[k] === undefined ? [] : [[k, o[k]]],
    ),
    ...(o.overlay ? [["overlay", "1"]] : []),
  ]);
  const r = ExportOptionsSchema.safeParse(raw);
  if (!r.success)
    throw invalid(
      "invalid_request",
      "invalid export options",
      problemsFromIssues(r.error.issues).map((p) => ({ ...p, path: `--${p.path}` })),
    );
  return r.data;
}

/** Reads a map file of any importable format (nothing is stored). */
async function readMapFile(file: string, format?: ImportFormat) {
  const { resolveImportFormat } = await import("../../services/export/transfer.ts");
  const { importMap } = await import("../../services/export/registry.ts");
  const f = resolveImportFormat(format, file);
  const title = basename(file).replace(/\.(wayline\.json|json|mmd|mermaid|csv|tsv|xlsx)$/i, "");
  const outcome = await importMap(f, readInputBytes(file, MAX_NATIVE_DOCUMENT_BYTES), {
    now: new Date().toISOString(),
    newId,
    fallbackTitle: title,
  });
  for (const w of outcome.warnings) console.error(`${file}: ${w.path}: ${w.message}`);
  return outcome.document;
}

/**
 * `wayline export FILE|ID --format F -o OUT`: a map file (any importable format) is converted
 * without a database; an id is read from the workspace. Text formats go to stdout without `-o`.
 */
export async function exportOne(
  target: string,
  format: MapFormat,
  o: FormatExportOptions,
  journeys: () => Promise<{
    svc: JourneyService;
    ws: string;
    close: () => Promise<void>;
    sources?: OverlaySources;
  }>,
): Promise<void> {
  const options = exportOptions(o);
  const { checkOverlayFormat, loadOverlay } = await import("../../services/export/transfer.ts");
  checkOverlayFormat(format, options);
  if (MAP_FORMATS[format].binary && !o.output)
    throw new WaylineError("invalid_request", `a ${format} file needs -o FILE`);
  const { exportMap } = await import("../../services/export/registry.ts");
  let doc: {
    map: import("../../domain/index.ts").JourneyMap;
    personas: import("../../domain/index.ts").Persona[];
  };
  let overlay: import("../../domain/index.ts").PictureOverlay | undefined;
  if (existsSync(target)) {
    if (options.overlay)
      throw new WaylineError(
        "invalid_request",
        `--overlay draws the data of a map in the workspace: name its id, not the file ${target}`,
      );
    doc = await readMapFile(target);
  } else {
    const j = await journeys();
    try {
      doc = await j.svc.get(j.ws, target);
      if (options.overlay && j.sources) overlay = await loadOverlay(j.sources, j.ws, doc.map);
    } finally {
      await j.close();
    }
  }
  const file = await exportMap(format, {
    map: doc.map,
    personas: doc.personas,
    options,
    exportedAt: new Date().toISOString(),
    ...(overlay ? { overlay } : {}),
  });
  if (!o.output) {
    process.stdout.write(file.body);
    return;
  }
  writeFileSync(o.output, file.body);
  console.error(`wrote ${o.output}`);
}

/** `wayline import FILE… [--format F] [--dry-run] [--lane-types 2:emotion]`. */
export async function importFiles(
  files: string[],
  o: { format?: string; dryRun?: boolean; laneTypes?: string; json?: boolean },
  journeys: () => Promise<{ svc: JourneyService; ws: string; close: () => Promise<void> }>,
): Promise<void> {
  const { importJourney, parseLaneTypes, previewOf, resolveImportFormat } = await import(
    "../../services/export/transfer.ts"
  );
  const laneTypes = parseLaneTypes(o.laneTypes);
  const read = files.map((f) => {
    try {
      return {
        file: f,
        format: resolveImportFormat(o.format, f),
        bytes: readInputBytes(f, MAX_NATIVE_DOCUMENT_BYTES),
      };
    } catch (e) {
      if (e instanceof WaylineError) throw new WaylineError(e.code, `${f}: ${e.message}`, e.details);
      throw new WaylineError("invalid_request", `${f}: cannot read (${(e as NodeJS.ErrnoException).code})`);
    }
  });
  const j = await journeys();
  try {
    // Every file is read before any map is created: one bad file creates nothing.
    const parsed = [];
    for (const r of read) {
      try {
        const { outcome } = await importJourney(j.svc, j.ws, {
          ...r,
          fileName: r.file,
          ...(laneTypes ? { laneTypes } : {}),
          dryRun: true,
        });
        for (const w of outcome.warnings) console.error(`${r.file}: ${w.path}: ${w.message}`);
        parsed.push({ r, outcome });
      } catch (e) {
        if (e instanceof WaylineError) throw new WaylineError(e.code, `${r.file}: ${e.message}`, e.details);
        throw e;
      }
    }
    const out = [];
    for (const { r, outcome } of parsed) {
      if (o.dryRun) out.push(previewOf(outcome, r.format));
      else {
        const created = await j.svc.importNative(j.ws, outcome.document);
        out.push({ id: created.map.id, title: created.map.title });
      }
    }
    if (o.json || o.dryRun) printJson(out);
    else for (const m of out as { id: string; title: string }[]) console.log(`imported ${m.id}  ${m.title}`);
  } finally {
    await j.close();
  }
}
