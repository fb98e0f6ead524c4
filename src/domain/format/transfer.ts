import type { Problem } from "../errors.ts";
import type { JourneyMap } from "../model/journey-map.ts";
import type { Persona } from "../model/persona.ts";
import type { NativeDocument } from "./native.ts";
import type { PictureOverlay } from "./overlay.ts";
import type { ExportOptions } from "./registry.ts";

/** What every exporter receives: the map, its personas and the export options. */
export interface ExportInput {
  /** The map to write. */
  map: JourneyMap;
  /** Personas the map attaches (full copies). */
  personas: Persona[];
  /** Parsed options (lanes, personas, theme …). */
  options: ExportOptions;
  /** Time of the export (ISO 8601), written into formats that carry one. */
  exportedAt: string;
  /** Data overlay figures, present when the export asked for `overlay` (pictures and slides). */
  overlay?: PictureOverlay;
}

/** What an exporter produces: text or bytes. */
export type Produced = string | Uint8Array;

/** What every importer gives: a native document to create, and warnings about what it changed. */
export interface ImportResult {
  /** The map and its personas, ready for `importNative`. */
  document: NativeDocument;
  /** Non-fatal problems (e.g. a score outside 1–5 that was clamped), located like errors. */
  warnings: Problem[];
}

/** Injectable clock and id factory, so imports are deterministic in tests. */
export interface ImportContext {
  /** Creation time of the new map (ISO 8601). */
  now: string;
  /** Id factory for every new entity. */
  newId: () => string;
  /** Title to use when the input has none (e.g. the file name). */
  fallbackTitle?: string;
}
