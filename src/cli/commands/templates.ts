import { writeFileSync } from "node:fs";
import type { Command } from "commander";
import { toNativeDocument } from "../../domain/index.ts";
import { buildTemplate, listTemplates } from "../../domain/templates/index.ts";
import { printJson, printTable } from "../io.ts";

/** `wayline templates` and `wayline new`. */
export function registerTemplates(program: Command): void {
  program
    .command("templates")
    .description("list the built-in templates")
    .option("--json", "print JSON")
    .action((o: { json?: boolean }) => {
      const list = listTemplates();
      if (o.json) return printJson(list);
      printTable([
        ["ID", "TITLE", "KIND", "STAGES", "PERSONAS"],
        ...list.map((t) => [t.id, t.title, t.kind, String(t.stageCount), t.personaNames.join(", ")]),
      ]);
    });
  program
    .command("new")
    .description("write a new map from a template as a *.wayline.json file")
    .requiredOption("--template <id>", "template id (see `wayline templates`)")
    .requiredOption("-o, --output <file>", "file to write")
    .option("--title <title>", "title of the new map")
    .option("--json", "print a JSON summary")
    .action((o: { template: string; output: string; title?: string; json?: boolean }) => {
      const now = new Date().toISOString();
      const { map, personas } = buildTemplate(o.template, { now });
      const doc = toNativeDocument(o.title ? { ...map, title: o.title } : map, personas, now);
      writeFileSync(o.output, `${JSON.stringify(doc, null, 2)}\n`, { flag: "wx" });
      if (o.json) printJson({ file: o.output, id: doc.map.id, title: doc.map.title });
      else console.log(`wrote ${o.output} (${doc.map.title}, ${doc.map.stages.length} stages)`);
    });
}
