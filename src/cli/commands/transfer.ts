import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import {
  MAP_FORMAT_KEYS,
  MAX_NATIVE_DOCUMENT_BYTES,
  parseNativeText,
  WaylineError,
} from "../../domain/index.ts";
import { printJson } from "../io.ts";
import { readBoundedFile } from "../read-bounded.ts";
import {
  openCliServices,
  resolveWorkspace,
  withStoreOptions,
  withWorkspaceOption,
} from "../store-options.ts";
import { chosenFormat, exportOne, type FormatExportOptions, importFiles } from "./transfer-formats.ts";

function fileName(title: string, id: string): string {
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 50);
  return `${slug || "journey"}-${id}.wayline.json`;
}

/** The journey service on the CLI's store, for the format import/export paths. */
async function openJourneys(o: { data?: string; workspace?: string }) {
  const opened = await openCliServices(o);
  return {
    svc: opened.services.journeys,
    ws: await resolveWorkspace(opened.store, o.workspace),
    close: () => opened.close(),
    sources: opened.services,
  };
}

/** `wayline import FILE…` and `wayline export ID|--all -o DIR` (or one map `--format F -o OUT`). */
export function registerTransfer(program: Command): void {
  withWorkspaceOption(withStoreOptions(program.command("import")))
    .description(
      "import map files (*.wayline.json, Mermaid *.mmd, *.csv, *.xlsx) into the workspace database",
    )
    .argument("<files...>", "files to import")
    .option("--json", "print the imported maps as JSON")
    .option("--format <format>", "force the format: json, mermaid, csv or xlsx (default: from the extension)")
    .option(
      "--dry-run",
      "print what would be created (stages, lanes and guessed lane types) and create nothing",
    )
    .option(
      "--lane-types <list>",
      "spreadsheets: lane types confirmed after a dry run, e.g. 2:emotion,3:touchpoints",
    )
    .action(
      async (
        files: string[],
        o: {
          data?: string;
          workspace?: string;
          json?: boolean;
          format?: string;
          dryRun?: boolean;
          laneTypes?: string;
        },
      ) => {
        if (o.format || o.dryRun || o.laneTypes || files.some((f) => !/\.json$/i.test(f)))
          return importFiles(files, o, () => openJourneys(o));
        const docs = files.map((f) => {
          try {
            const read = readBoundedFile(f, MAX_NATIVE_DOCUMENT_BYTES);
            if ("problem" in read) throw new WaylineError("invalid_request", read.problem);
            return parseNativeText(read.text);
          } catch (e) {
            if (e instanceof WaylineError) throw new WaylineError(e.code, `${f}: ${e.message}`, e.details);
            throw new WaylineError(
              "invalid_request",
              `${f}: cannot read (${(e as NodeJS.ErrnoException).code})`,
            );
          }
        });
        const opened = await openCliServices(o);
        try {
          const out = [];
          const ws = await resolveWorkspace(opened.store, o.workspace);
          for (const d of docs) out.push((await opened.services.journeys.importNative(ws, d)).map);
          if (o.json) printJson(out.map((m) => ({ id: m.id, title: m.title })));
          else for (const m of out) console.log(`imported ${m.id}  ${m.title}`);
        } finally {
          await opened.close();
        }
      },
    );
  withWorkspaceOption(withStoreOptions(program.command("export")))
    .description("export maps as *.wayline.json files, or one map (file or id) in any format with --format")
    .argument("[ids...]", "map ids (or --all); with --format one map file or id")
    .option("--all", "export every map")
    .option(
      "-o, --output <dir|file>",
      "folder to write into; with --format the file (default: stdout for text)",
    )
    .option("--format <format>", `${MAP_FORMAT_KEYS.join(", ")} (default: from -o's extension)`)
    .option("--lanes <ids>", "pictures, slides, Markdown: only these lane ids (comma-separated)")
    .option("--personas <ids>", "pictures, slides, Markdown: only these personas' curves")
    .option("--theme <theme>", "light or dark")
    .option("--scale <n>", "PNG pixel ratio: 1 or 2")
    .option("--page <size>", "PDF page: A4, A3, A1 or A0 (landscape)")
    .option("--layout <layout>", "PDF: fit (one page) or tile (across pages, headers repeated)")
    .option(
      "--overlay",
      "pictures and slides: draw the data overlay (reach, conversion, median time from the linked log; survey emotion)",
    )
    .option("--json", "print the written files as JSON")
    .action(
      async (
        ids: string[],
        o: {
          all?: boolean;
          output?: string;
          data?: string;
          workspace?: string;
          json?: boolean;
        } & FormatExportOptions,
      ) => {
        const format = chosenFormat(o);
        if (format) {
          if (ids.length !== 1 || o.all)
            throw new WaylineError("invalid_request", "--format exports one map: name one file or id");
          return exportOne(ids[0] as string, format, o, () => openJourneys(o));
        }
        if (!o.output) throw new WaylineError("invalid_request", "name the folder to write into with -o DIR");
        if (!o.all && ids.length === 0)
          throw new WaylineError("invalid_request", "name map ids or use --all");
        const opened = await openCliServices(o);
        try {
          const svc = opened.services.journeys;
          const ws = await resolveWorkspace(opened.store, o.workspace);
          const chosen = o.all ? (await svc.list(ws, { limit: 100_000, offset: 0 })).map((s) => s.id) : ids;
          const dir = o.output;
          mkdirSync(dir, { recursive: true });
          const written = [];
          for (const id of chosen) {
            const doc = await svc.exportNative(ws, id);
            const file = join(dir, fileName(doc.map.title, id));
            writeFileSync(file, `${JSON.stringify(doc, null, 2)}\n`);
            written.push({ id, file });
          }
          if (o.json) printJson(written);
          else for (const w of written) console.log(`wrote ${w.file}`);
        } finally {
          await opened.close();
        }
      },
    );
}
