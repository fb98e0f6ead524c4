import * as Y from "yjs";
import { invalid, problemsFromIssues, WaylineError } from "../errors.ts";
import { newId } from "../model/ids.ts";
import { JourneyMapSchema } from "../model/journey-map.ts";
import { fromYDoc } from "../ydoc/from-ydoc.ts";
import { roots } from "../ydoc/layout.ts";
import * as cards from "./card-handlers.ts";
import type { CommandContext } from "./context.ts";
import * as mapOps from "./map-handlers.ts";
import * as rules from "./rule-handlers.ts";
import type { MapCommand, MapCommandType } from "./schema.ts";
import * as structure from "./structure-handlers.ts";

type Handler = (ctx: CommandContext, c: never) => void;

/** The registry of command handlers: one named operation per command type. */
const HANDLERS: Record<MapCommandType, Handler> = { ...structure, ...cards, ...mapOps, ...rules };

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
  const generated: string[] = [];
  const ctx: CommandContext & { generated: string[] } = {
    generated,
    r: roots(doc),
    now: opts.now,
    newId: () => {
      const id = opts.newId();
      generated.push(id);
      return id;
    },
    path: "",
    reads: new Set(),
    writes: new Set(),
    created: [],
  };
  doc.transact(() => {
    commands.forEach((c, i) => {
      ctx.path = `commands[${i}]`;
      const handler = HANDLERS[c.type];
      if (!handler)
        throw new WaylineError("invalid_command", `${ctx.path}.type: unknown command "${c.type}"`);
      handler(ctx, c as never);
    });
    ctx.r.meta.set("updatedAt", opts.now);
  }, origin);
  return ctx;
}

/**
 * Applies a batch of commands to a map document atomically: the batch first runs on a copy, and
 * only when every command succeeds and the result is a valid map is it replayed on `doc` as one
 * transaction (with `origin`, so undo and collaboration see a normal local edit).
 * Throws `invalid_command` naming the failing command's path; `doc` is then unchanged.
 */
export function applyCommands(
  doc: Y.Doc,
  commands: readonly MapCommand[],
  options: ApplyOptions = {},
): ApplyResult {
  const now = options.now ?? new Date().toISOString();
  const draft = new Y.Doc();
  Y.applyUpdate(draft, Y.encodeStateAsUpdate(doc));
  const dry = runAll(draft, commands, { now, newId: options.newId ?? newId }, undefined);
  const check = JourneyMapSchema.safeParse(fromYDoc(draft, { validate: false }));
  if (!check.success)
    throw invalid(
      "invalid_command",
      "the commands would leave an invalid map",
      problemsFromIssues(check.error.issues, "map"),
    );
  // Replay on the real document with the ids the dry run generated: same state, same result.
  const ids = [...dry.generated];
  const ctx = runAll(doc, commands, { now, newId: () => ids.shift() ?? newId() }, options.origin);
  return { created: ctx.created, reads: [...ctx.reads], writes: [...ctx.writes] };
}
