import {
  type ExportOptions,
  type ImportFormat,
  importFormatOf,
  isImportFormat,
  type JourneyMap,
  type LaneType,
  LaneTypeSchema,
  type MapFormat,
  newId,
  type PictureOverlay,
  WaylineError,
} from "../../domain/index.ts";
import type { JourneyService, JourneyView } from "../journey-service.ts";
import { loadOverlay, type OverlaySources } from "./overlay.ts";

export { loadOverlay };

import { type ExportedFile, exportMap, type ImportOutcome, importMap } from "./registry.ts";

/** A file name for a map title: `pizza-restaurant-visit`. */
export function fileSlug(title: string): string {
  return (
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 60) || "journey"
  );
}

/** Formats that can draw the data overlay (pictures and slides). */
export const OVERLAY_FORMATS: readonly MapFormat[] = ["svg", "png", "pdf", "pptx"];

/** Rejects `overlay` for a format that cannot draw it. */
export function checkOverlayFormat(format: MapFormat, options: ExportOptions): void {
  if (options.overlay && !OVERLAY_FORMATS.includes(format))
    throw new WaylineError(
      "invalid_request",
      `the data overlay is drawn in ${OVERLAY_FORMATS.join(", ")} only, not in ${format}`,
      { problems: [{ path: "query.overlay", message: `not available for ${format}` }] },
    );
}

/** Exports a stored map in a registry format (the one path of the API and the CLI). */
export async function exportJourney(
  journeys: JourneyService,
  ws: string,
  id: string,
  format: MapFormat,
  options: ExportOptions,
  sources?: OverlaySources,
): Promise<ExportedFile & { fileName: string }> {
  checkOverlayFormat(format, options);
  const view = await journeys.get(ws, id);
  let overlay: PictureOverlay | undefined;
  if (options.overlay) {
    if (!sources) throw new WaylineError("invalid_request", "the data overlay needs the workspace's data");
    overlay = await loadOverlay(sources, ws, view.map);
  }
  const file = await exportMap(format, {
    map: view.map,
    personas: view.personas,
    options,
    exportedAt: new Date().toISOString(),
    ...(overlay ? { overlay } : {}),
  });
  return { ...file, fileName: `${fileSlug(view.map.title)}.${file.extension}` };
}

/** Parses `2:emotion,3:touchpoints` (1-based sheet rows → lane types) as confirmed in a preview. */
export function parseLaneTypes(text: string | undefined): Record<number, LaneType> | undefined {
  if (!text) return undefined;
  const out: Record<number, LaneType> = {};
  for (const part of text.split(",").filter(Boolean)) {
    const [row, type] = part.split(":").map((s) => s.trim());
    const parsed = LaneTypeSchema.safeParse(type);
    if (!row || !/^\d+$/.test(row) || !parsed.success)
      throw new WaylineError("invalid_request", `laneTypes: expected ROW:TYPE, got "${part}"`, {
        problems: [{ path: "laneTypes", message: `expected ROW:TYPE (e.g. 2:emotion), got "${part}"` }],
      });
    out[Number(row)] = parsed.data;
  }
  return out;
}

/** The format of an import: forced, else from the file name, else from the MIME type. */
export function resolveImportFormat(
  forced: string | undefined,
  fileName?: string,
  mime?: string,
): ImportFormat {
  if (forced) {
    if (!isImportFormat(forced))
      throw new WaylineError(
        "invalid_request",
        `cannot import format "${forced}" (xlsx, csv, mermaid or json)`,
      );
    return forced;
  }
  const byName = fileName ? importFormatOf(fileName) : null;
  if (byName) return byName;
  const m = (mime ?? "").toLowerCase();
  if (m.includes("json")) return "json";
  if (m.includes("csv") || m.includes("tab-separated")) return "csv";
  if (m.includes("spreadsheetml")) return "xlsx";
  if (m.includes("mermaid") || m.startsWith("text/plain")) return "mermaid";
  throw new WaylineError(
    "unsupported_media_type",
    `cannot tell the format of "${fileName ?? m}"; name it with --format / ?format=`,
  );
}

/** What a dry run answers: what would be created, and the warnings. */
export function previewOf(outcome: ImportOutcome, format: ImportFormat) {
  const m: JourneyMap = outcome.document.map;
  return {
    dryRun: true,
    format,
    title: m.title,
    stages: m.stages.map((s) => s.name),
    lanes:
      outcome.preview?.lanes ??
      m.lanes.map((l) => ({
        name: l.name,
        type: l.type,
        guessed: false,
        items: m.cards.filter((c) => c.laneId === l.id).length,
      })),
    cards: m.cards.length,
    emotionPoints: m.emotionPoints.length,
    personas: outcome.document.personas.map((p) => p.name),
    warnings: outcome.warnings,
  };
}

/** Reads a file and, unless it is a dry run, creates the map; nothing is created when reading fails. */
export async function importJourney(
  journeys: JourneyService,
  ws: string,
  input: {
    bytes: Uint8Array;
    format: ImportFormat;
    fileName?: string;
    laneTypes?: Record<number, LaneType>;
    dryRun?: boolean;
  },
): Promise<{ created: JourneyView | null; outcome: ImportOutcome }> {
  const title = input.fileName
    ?.replace(/^.*[\\/]/, "")
    .replace(/\.(wayline\.json|json|mmd|mermaid|csv|tsv|xlsx)$/i, "");
  const outcome = await importMap(
    input.format,
    input.bytes,
    { now: new Date().toISOString(), newId, ...(title ? { fallbackTitle: title } : {}) },
    input.laneTypes ? { laneTypes: input.laneTypes } : {},
  );
  if (input.dryRun) return { created: null, outcome };
  return { created: await journeys.importNative(ws, outcome.document), outcome };
}
