import type { Command } from "commander";
import { z } from "zod";
import { invalid, problemsFromIssues } from "../../domain/index.ts";
import { printJson } from "../io.ts";
import {
  openCliServices,
  resolveWorkspace,
  withStoreOptions,
  withWorkspaceOption,
} from "../store-options.ts";

const Options = z.strictObject({
  data: z.string().optional(),
  token: z.string().optional(),
  workspace: z.string().optional(),
  json: z.boolean().optional(),
  save: z.string().trim().min(1).max(120).optional(),
  restore: z.string().min(1).max(64).optional(),
});

/**
 * `wayline versions ID`: the map's version history (newest first); `--save LABEL` names the map
 * as it is now, `--restore VID` restores a version as a new change (after keeping the current state).
 */
export function registerVersions(program: Command): void {
  withWorkspaceOption(withStoreOptions(program.command("versions")))
    .description("list a map's versions; --save LABEL names the current state; --restore VID restores one")
    .argument("<id>", "map id")
    .option("--save <label>", "save the map as it is now as a named version")
    .option("--restore <vid>", "restore a version (the current state is kept as a version first)")
    .option("--json", "print as JSON")
    .action(async (id: string, raw: Record<string, unknown>) => {
      const parsed = Options.safeParse(raw);
      if (!parsed.success)
        throw invalid("invalid_request", "invalid options", problemsFromIssues(parsed.error.issues));
      const o = parsed.data;
      const opened = await openCliServices(o);
      try {
        const svc = opened.services.versions;
        const ws = await resolveWorkspace(opened.store, o.workspace);
        if (o.save) {
          const v = await svc.create(ws, id, o.save, [process.env.USER ?? "cli"]);
          if (o.json) printJson(v);
          else console.log(`saved ${v.id}  ${v.label}  (${v.summary})`);
          return;
        }
        if (o.restore) {
          const view = await svc.restore(ws, id, o.restore, [process.env.USER ?? "cli"]);
          if (o.json) printJson({ id: view.map.id, version: view.version });
          else console.log(`restored ${o.restore}: map ${view.map.id} is now at version ${view.version}`);
          return;
        }
        const list = await svc.list(ws, id);
        if (o.json) printJson(list);
        else if (list.length === 0) console.log("no versions yet");
        else
          for (const v of list)
            console.log(
              `${v.id}  ${v.createdAt}  ${v.kind.padEnd(7)}  ${v.label}  — ${v.summary}${v.authors.length ? `  [${v.authors.join(", ")}]` : ""}`,
            );
      } finally {
        await opened.close();
      }
    });
}
