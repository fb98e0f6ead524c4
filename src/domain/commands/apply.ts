import * as Y from "yjs";
import { invalid, problemsFromIssues, WaylineError } from "../errors.ts";
import { newId } from "../model/ids.ts";
import { JourneyMapSchema } from "../model/journey-map.ts";
import { fromYDoc } from "../ydoc/from-ydoc.ts";
import { roots } from "../ydoc/layout.ts";
import type { CommandContext } from "./context.ts";
import { commandDefinition, type MapCommand } from "./registry.ts";

/** Options of a batch. */
export interface ApplyOptions {
  /** Current time (ISO 8601), stamped as the map's `updatedAt`. */
  now?: string;
  /** Id factory for created entities. */
  newId?: () => string;
  /** Transaction origin (e.g. the editor's undo scope). */
  origin?: unknown;
}

/** What a batch did. */
export interface ApplyResult {
  /** Ids created by the batch, in order. */
  created: string[];
  /** Entity keys read (e.g. `stage:ID`); see conflicts.ts. */
  reads: string[];
  /** Entity keys written (e.g. `card:ID.text`); see conflicts.ts. */
  writes: string[];
}

function runAll(
  doc: Y.Doc,
  commands: readonly MapCommand[],
  opts: { now: string; newId: () => string },
  origin: unknown,
) {
  const ctx: CommandContext = {
    r: roots(doc),
    now: opts.now,
    newId: opts.newId,
    path: "",
    reads: new Set(),
    writes: new Set(),
    created: [],
  };
  doc.transact(() => {
    commands.forEach((c, i) => {
      ctx.path = `commands[${i}]`;
      const definition = commandDefinition(c.type);
      if (!definition)
        throw new WaylineError("invalid_command", `${ctx.path}.type: unknown command "${c.type}"`);
      definition.apply(ctx, c);
    });
    ctx.r.meta.set("updatedAt", opts.now);
  }, origin);
  return ctx;
}

/** Origin of batches applied without a caller origin. */
const APPLY_ORIGIN = Symbol("wayline.applyCommands");

/**
 * Applies a batch of commands to a map document atomically, as one transaction (with `origin`, so
 * collaboration sees a normal local edit). When a command fails, or the result would not be a
 * valid map, the transaction is reverted through a private Y.UndoManager and `invalid_command` is
 * thrown naming the failing command's path; the map's content is then as before.
 */
export function applyCommands(
  doc: Y.Doc,
  commands: readonly MapCommand[],
  options: ApplyOptions = {},
): ApplyResult {
  const now = options.now ?? new Date().toISOString();
  const origin = options.origin ?? APPLY_ORIGIN;
  const r = roots(doc);
  const scope = [r.meta, r.personas, r.phases, r.stages, r.lanes, r.cards, r.emotions, r.rules];
  const undo = new Y.UndoManager(scope, { trackedOrigins: new Set([origin]), captureTimeout: 0 });
  try {
    let ctx: ReturnType<typeof runAll>;
    try {
      ctx = runAll(doc, commands, { now, newId: options.newId ?? newId }, origin);
    } catch (e) {
      undo.undo();
      throw e;
    }
    const check = JourneyMapSchema.safeParse(fromYDoc(doc, { validate: false }));
    if (!check.success) {
      undo.undo();
      throw invalid(
        "invalid_command",
        "the commands would leave an invalid map",
        problemsFromIssues(check.error.issues, "map"),
      );
    }
    return { created: ctx.created, reads: [...ctx.reads], writes: [...ctx.writes] };
  } finally {
    undo.destroy();
  }
}
