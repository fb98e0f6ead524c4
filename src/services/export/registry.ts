import { ZodError } from "zod";
import {
  type ExportInput,
  fromCsv,
  fromMermaid,
  type GridPreview,
  type ImportContext,
  type ImportFormat,
  type ImportResult,
  invalid,
  type LaneType,
  MAP_FORMATS,
  type MapFormat,
  mapToMarkdown,
  type Produced,
  parseNativeText,
  problemsFromIssues,
  toCsv,
  toMermaid,
  toNativeDocument,
} from "../../domain/index.ts";

/** One produced file: body, MIME type and file name extension (from the format registry). */
export interface ExportedFile {
  body: Produced;
  contentType: string;
  extension: string;
}

/** Writers of every map format (the compiler checks each registry key has one). */
const EXPORTERS: Record<MapFormat, (input: ExportInput) => Produced | Promise<Produced>> = {
  svg: async (i) => (await import("./svg.ts")).mapToSvg(i),
  png: async (i) => (await import("./png.ts")).mapToPng(i),
  pdf: async (i) => (await import("./pdf.ts")).mapToPdf(i),
  pptx: async (i) => (await import("./pptx.ts")).mapToPptx(i),
  xlsx: async (i) => (await import("./xlsx.ts")).mapToXlsx(i),
  csv: (i) => toCsv(i),
  mermaid: (i) => toMermaid(i),
  md: (i) => mapToMarkdown(i),
  json: (i) => `${JSON.stringify(toNativeDocument(i.map, i.personas, i.exportedAt), null, 2)}\n`,
};

/** Writes a map in a format of the registry. */
export async function exportMap(format: MapFormat, input: ExportInput): Promise<ExportedFile> {
  const body = await EXPORTERS[format](input);
  return { body, contentType: MAP_FORMATS[format].mime, extension: MAP_FORMATS[format].extension };
}

/** Options of an import: the lane types confirmed in the preview (spreadsheets). */
export interface ImportOptions {
  laneTypes?: Readonly<Record<number, LaneType>>;
}

/** An import result, with the spreadsheet preview when the format has one. */
export type ImportOutcome = ImportResult & { preview?: GridPreview };

const text = (bytes: Uint8Array) => new TextDecoder("utf-8").decode(bytes);

/** Readers of every importable format. */
const IMPORTERS: Record<
  ImportFormat,
  (bytes: Uint8Array, ctx: ImportContext, o: ImportOptions) => Promise<ImportOutcome>
> = {
  json: async (b) => ({ document: parseNativeText(text(b)), warnings: [] }),
  mermaid: async (b, ctx) => fromMermaid(text(b), ctx),
  csv: async (b, ctx, o) => fromCsv(text(b), ctx, o),
  xlsx: async (b, ctx, o) => (await import("./xlsx.ts")).xlsxToMap(b, ctx, o),
};

/** Reads a file of an importable format into a native document (nothing is stored). */
export async function importMap(
  format: ImportFormat,
  bytes: Uint8Array,
  ctx: ImportContext,
  o: ImportOptions = {},
): Promise<ImportOutcome> {
  try {
    return await IMPORTERS[format](bytes, ctx, o);
  } catch (e) {
    // Safety net: a schema check deep inside an importer is still the user's file at fault (400).
    if (e instanceof ZodError)
      throw invalid(
        "invalid_document",
        `the ${format} file does not give a valid map`,
        problemsFromIssues(e.issues, "map"),
      );
    throw e;
  }
}
