import { generateKeyBetween } from "fractional-indexing";
import type * as Y from "yjs";
import { WaylineError } from "../errors.ts";
import type { Ordered } from "../ordering.ts";
import { sortOrdered } from "../ordering.ts";
import type { MapRoots, YEntity } from "../ydoc/layout.ts";

/** What a command needs while it runs on a document. */
export interface CommandContext {
  /** Root maps of the document being edited. */
  r: MapRoots;
  /** Current time (ISO 8601). */
  now: string;
  /** Id factory for entities the command creates without a given id. */
  newId: () => string;
  /** JSON path of the command in its batch, for error messages (`commands[3]`). */
  path: string;
  /** Entity keys the command read (their deletion by someone else is a conflict). */
  reads: Set<string>;
  /** Entity keys the command wrote (`card:ID.text`, `stage:ID` …). */
  writes: Set<string>;
  /** Ids the batch created, in order. */
  created: string[];
}

/** Fails the command with a located problem. */
export function fail(ctx: CommandContext, field: string, message: string): never {
  const path = field ? `${ctx.path}.${field}` : ctx.path;
  throw new WaylineError("invalid_command", `${path}: ${message}`, { problems: [{ path, message }] });
}

/** The entity `id` of a root map, or a located `invalid_command` error naming the field. */
export function mustGet(
  ctx: CommandContext,
  coll: Y.Map<YEntity>,
  id: string,
  field: string,
  what: string,
): YEntity {
  const e = coll.get(id);
  if (!e) fail(ctx, field, `no ${what} with id "${id}"`);
  return e;
}

/**
 * Sorted siblings of a collection as order-key items, optionally filtered and without `exceptId`.
 * Equal keys (left by concurrent inserts or moves) are spread apart first, so that a position
 * between two formerly tied items can be addressed.
 */
export function siblings(
  coll: Y.Map<YEntity>,
  filter: (e: YEntity) => boolean = () => true,
  exceptId?: string,
): Ordered[] {
  const out: Ordered[] = [];
  coll.forEach((e, id) => {
    if (id !== exceptId && filter(e)) out.push({ id, order: String(e.get("order") ?? "a0") });
  });
  const sorted = sortOrdered(out);
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1] as Ordered;
    const cur = sorted[i] as Ordered;
    if (cur.order > prev.order) continue;
    const next = sorted.slice(i + 1).find((x) => x.order > prev.order)?.order ?? null;
    cur.order = generateKeyBetween(prev.order, next);
    coll.get(cur.id)?.set("order", cur.order);
  }
  return sorted;
}

/** An id given by the client (checked unused) or a fresh one. */
export function takeId<V>(
  ctx: CommandContext,
  coll: Y.Map<V>,
  given: string | undefined,
  field = "id",
): string {
  if (given !== undefined && coll.has(given)) fail(ctx, field, `id "${given}" is already used`);
  const id = given ?? ctx.newId();
  ctx.created.push(id);
  return id;
}
