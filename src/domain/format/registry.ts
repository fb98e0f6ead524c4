import { z } from "zod";

/**
 * The one export-format registry: every file format a map (or its stakeholder summary) can be
 * written as. Its keys produce the zod enums of the API and CLI and the editor's Export menu, so a
 * format added here appears everywhere at once. The producers live next to their code: pure text
 * formats in `domain/format/`, renderers that need Node in `services/export/registry.ts`, which
 * must cover every key (a `Record<MapFormat, …>`, checked by the compiler).
 */
export interface FormatInfo {
  /** Name shown in menus, e.g. "PDF poster". */
  label: string;
  /** File name extension without the dot. */
  extension: string;
  /** MIME type of the answer. */
  mime: string;
  /** True when the output is bytes, not text. */
  binary: boolean;
  /** True when `POST /api/journeys/import` and `wayline import` read it back into a map. */
  importable: boolean;
  /** True for pictures (SVG/PNG/PDF) the editor previews before download. */
  picture: boolean;
}

const info = (i: FormatInfo) => i;

/** Map formats, in menu order. */
export const MAP_FORMATS = {
  svg: info({
    label: "SVG image",
    extension: "svg",
    mime: "image/svg+xml",
    binary: false,
    importable: false,
    picture: true,
  }),
  png: info({
    label: "PNG image",
    extension: "png",
    mime: "image/png",
    binary: true,
    importable: false,
    picture: true,
  }),
  pdf: info({
    label: "PDF poster",
    extension: "pdf",
    mime: "application/pdf",
    binary: true,
    importable: false,
    picture: true,
  }),
  pptx: info({
    label: "PowerPoint slides",
    extension: "pptx",
    mime: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    binary: true,
    importable: false,
    picture: false,
  }),
  xlsx: info({
    label: "Excel workbook",
    extension: "xlsx",
    mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    binary: true,
    importable: true,
    picture: false,
  }),
  csv: info({
    label: "CSV grid",
    extension: "csv",
    mime: "text/csv; charset=utf-8",
    binary: false,
    importable: true,
    picture: false,
  }),
  mermaid: info({
    label: "Mermaid journey",
    extension: "mmd",
    mime: "text/plain; charset=utf-8",
    binary: false,
    importable: true,
    picture: false,
  }),
  md: info({
    label: "Markdown document",
    extension: "md",
    mime: "text/markdown; charset=utf-8",
    binary: false,
    importable: false,
    picture: false,
  }),
  json: info({
    label: "Wayline JSON",
    extension: "wayline.json",
    mime: "application/json; charset=utf-8",
    binary: false,
    importable: true,
    picture: false,
  }),
} as const;

/** Key of a map format. */
export type MapFormat = keyof typeof MAP_FORMATS;
/** Every map format key, in menu order. */
export const MAP_FORMAT_KEYS = Object.keys(MAP_FORMATS) as [MapFormat, ...MapFormat[]];
/** A map format key (API query, CLI option). */
export const MapFormatSchema = z.enum(MAP_FORMAT_KEYS);

/** Formats that can be read back into a map. */
export const IMPORT_FORMAT_KEYS = ["xlsx", "csv", "mermaid", "json"] as const satisfies readonly MapFormat[];
/** Key of an importable format. */
export type ImportFormat = (typeof IMPORT_FORMAT_KEYS)[number];
/** An importable format key. */
export const ImportFormatSchema = z.enum(IMPORT_FORMAT_KEYS);

/** Formats of the stakeholder summary (issue 8). */
export const SUMMARY_FORMATS = {
  md: info({
    label: "Markdown",
    extension: "md",
    mime: "text/markdown; charset=utf-8",
    binary: false,
    importable: false,
    picture: false,
  }),
  html: info({
    label: "HTML page",
    extension: "html",
    mime: "text/html; charset=utf-8",
    binary: false,
    importable: false,
    picture: false,
  }),
  pdf: info({
    label: "PDF",
    extension: "pdf",
    mime: "application/pdf",
    binary: true,
    importable: false,
    picture: false,
  }),
} as const;
/** Key of a summary format. */
export type SummaryFormatKey = keyof typeof SUMMARY_FORMATS;
/** Every summary format key. */
export const SUMMARY_FORMAT_KEYS = Object.keys(SUMMARY_FORMATS) as [SummaryFormatKey, ...SummaryFormatKey[]];
/** A summary format key. */
export const SummaryFormatSchema = z.enum(SUMMARY_FORMAT_KEYS);

/** The importable format a file name implies (`.wayline.json`/`.json`, `.mmd`/`.mermaid`, `.csv`, `.xlsx`). */
export function importFormatOf(fileName: string): ImportFormat | null {
  const n = fileName.toLowerCase();
  if (n.endsWith(".json")) return "json";
  if (n.endsWith(".mmd") || n.endsWith(".mermaid")) return "mermaid";
  if (n.endsWith(".csv") || n.endsWith(".tsv")) return "csv";
  if (n.endsWith(".xlsx")) return "xlsx";
  return null;
}

/** The map format a file name implies (by extension), or null. */
export function mapFormatOf(fileName: string): MapFormat | null {
  const n = fileName.toLowerCase();
  const hit = MAP_FORMAT_KEYS.find((k) => n.endsWith(`.${MAP_FORMATS[k].extension}`));
  return hit ?? importFormatOf(n);
}

/** True when a format is importable. */
export function isImportFormat(f: string): f is ImportFormat {
  return (IMPORT_FORMAT_KEYS as readonly string[]).includes(f);
}

const csvList = z
  .string()
  .max(5000)
  .transform((s) =>
    s
      .split(",")
      .map((x) => x.trim())
      .filter(Boolean),
  );

/** Options of a map export, as strings (API query and CLI flags share this schema). */
export const ExportOptionsSchema = z.strictObject({
  /** Lane ids to include (comma-separated); all lanes when absent. */
  lanes: csvList.optional(),
  /** Persona ids whose emotion curves to include (comma-separated); all when absent. */
  personas: csvList.optional(),
  /** Colour theme of pictures and slides. */
  theme: z.enum(["light", "dark"]).default("light"),
  /** Pixel ratio of PNG output. */
  scale: z.coerce
    .number()
    .pipe(z.union([z.literal(1), z.literal(2)]))
    .default(1),
  /** PDF page size (landscape). */
  page: z.enum(["A4", "A3", "A1", "A0"]).default("A3"),
  /** PDF layout: the whole map on one page, or tiled across pages with the headers repeated. */
  layout: z.enum(["fit", "tile"]).default("fit"),
  /**
   * Pictures and slides: draw the data overlay (per stage reach, conversion and median time from
   * the linked event log, and the emotion measured by surveys). "1"/"true" on; off by default.
   */
  overlay: z
    .enum(["0", "1", "true", "false"])
    .transform((v) => v === "1" || v === "true")
    .default(false),
});
/** Parsed export options. */
export type ExportOptions = z.infer<typeof ExportOptionsSchema>;
/** Export options with every default. */
export const DEFAULT_EXPORT_OPTIONS: ExportOptions = ExportOptionsSchema.parse({});
