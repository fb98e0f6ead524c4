import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { parseNativeText, WaylineError } from "../../domain/index.ts";
import { DEFAULT_WORKSPACE_ID as WS } from "../../storage/workspaces.ts";
import { printJson } from "../io.ts";
import { openCliServices, withStoreOptions } from "../store-options.ts";

function fileName(title: string, id: string): string {
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 50);
  return `${slug || "journey"}-${id}.wayline.json`;
}

/** `wayline import FILE…` and `wayline export ID|--all -o DIR`. */
export function registerTransfer(program: Command): void {
  withStoreOptions(program.command("import"))
    .description("import *.wayline.json files into the workspace database")
    .argument("<files...>", "files to import")
    .option("--json", "print the imported maps as JSON")
    .action(async (files: string[], o: { data?: string; json?: boolean }) => {
      const docs = files.map((f) => {
        try {
          return parseNativeText(readFileSync(f, "utf8"));
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
        for (const d of docs) out.push((await opened.services.journeys.importNative(WS, d)).map);
        if (o.json) printJson(out.map((m) => ({ id: m.id, title: m.title })));
        else for (const m of out) console.log(`imported ${m.id}  ${m.title}`);
      } finally {
        await opened.close();
      }
    });
  withStoreOptions(program.command("export"))
    .description("export maps from the workspace database as *.wayline.json files")
    .argument("[ids...]", "map ids (or --all)")
    .option("--all", "export every map")
    .requiredOption("-o, --output <dir>", "folder to write into")
    .option("--json", "print the written files as JSON")
    .action(async (ids: string[], o: { all?: boolean; output: string; data?: string; json?: boolean }) => {
      if (!o.all && ids.length === 0) throw new WaylineError("invalid_request", "name map ids or use --all");
      const opened = await openCliServices(o);
      try {
        const svc = opened.services.journeys;
        const chosen = o.all ? (await svc.list(WS, { limit: 100_000, offset: 0 })).map((s) => s.id) : ids;
        mkdirSync(o.output, { recursive: true });
        const written = [];
        for (const id of chosen) {
          const doc = await svc.exportNative(WS, id);
          const file = join(o.output, fileName(doc.map.title, id));
          writeFileSync(file, `${JSON.stringify(doc, null, 2)}\n`);
          written.push({ id, file });
        }
        if (o.json) printJson(written);
        else for (const w of written) console.log(`wrote ${w.file}`);
      } finally {
        await opened.close();
      }
    });
}
