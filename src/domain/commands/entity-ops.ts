import type { JourneyMap } from "../model/journey-map.ts";
import { keyAtIndex } from "../ordering.ts";
import type { MapRoots, YEntity } from "../ydoc/layout.ts";
import { type CommandContext, mustGet, siblings, takeId } from "./context.ts";
import { replaceEntity } from "./plain.ts";
import type { MapCommand } from "./registry.ts";

/** Top-level collections whose entities are plain fields plus an order key. */
type Collection = "phases" | "stages" | "lanes";
/** Collections that can be reordered, with the plain map's list of each. */
const LISTS = { phases: "phases", stages: "stages", lanes: "lanes", rules: "activityRules" } as const;
type Ordered = keyof typeof LISTS;

/**
 * apply, invert and patchPlain of a command setting one plain field of an entity (rename,
 * collapse); `what` names the entity in errors and in conflict keys (`lane:ID.collapsed`).
 */
export function setsField<C extends { type: string; id: string }, F extends keyof C & string>(
  coll: Collection,
  what: string,
  field: F,
) {
  return {
    apply(ctx: CommandContext, c: C): void {
      mustGet(ctx, ctx.r[coll], c.id, "id", what).set(field, c[field]);
      ctx.writes.add(`${what}:${c.id}.${field}`);
    },
    invert(m: JourneyMap, c: C): MapCommand[] {
      const old = (m[coll] as readonly { id: string }[]).find((x) => x.id === c.id);
      return old ? [{ ...c, [field]: old[field as keyof typeof old] } as unknown as MapCommand] : [];
    },
    patchPlain(map: JourneyMap, c: C): JourneyMap | null {
      return replaceEntity(map, coll, c.id, (x) => ({ ...x, [field]: c[field] }));
    },
  };
}

/** apply and invert of a command moving an entity among its siblings (`toIndex`). */
export function reorders<C extends { type: string; id: string; toIndex: number }>(
  coll: Ordered,
  what: string,
) {
  return {
    apply(ctx: CommandContext, c: C): void {
      const y = ctx.r[coll] as MapRoots["rules"];
      const e: YEntity = mustGet(ctx, y, c.id, "id", what);
      e.set("order", keyAtIndex(siblings(y, undefined, c.id), c.toIndex));
      ctx.writes.add(`${what}:${c.id}.order`);
    },
    invert(m: JourneyMap, c: C): MapCommand[] {
      const list = m[LISTS[coll]] as readonly { id: string }[];
      const at = list.findIndex((x) => x.id === c.id);
      return [{ ...c, toIndex: Math.max(0, at) } as unknown as MapCommand];
    },
  };
}

/** Deletes every card matching `pred`, recording the writes. */
export function deleteCardsWhere(ctx: CommandContext, pred: (c: YEntity) => boolean): void {
  const doomed: string[] = [];
  ctx.r.cards.forEach((c, id) => {
    if (pred(c)) doomed.push(id);
  });
  for (const id of doomed) {
    ctx.r.cards.delete(id);
    ctx.writes.add(`card:${id}`);
  }
}

/** Root collections whose entities are created with an order key among all siblings. */
type Insertable = "phases" | "stages" | "lanes" | "rules";

/** A new entity's id (given and unused, or fresh) and its order key at `index` (default: last). */
export function placeNew(
  ctx: CommandContext,
  coll: Insertable,
  c: { id?: string | undefined; index?: number | undefined },
): { id: string; order: string } {
  const id = takeId(ctx, ctx.r[coll], c.id);
  return { id, order: keyAtIndex(siblings(ctx.r[coll]), c.index ?? Number.MAX_SAFE_INTEGER) };
}

/** Removes the entity `id` of a root collection; fails naming `what` when it does not exist. */
export function removeEntity(
  ctx: CommandContext,
  coll: Insertable | "cards",
  id: string,
  what: string,
): void {
  mustGet(ctx, ctx.r[coll], id, "id", what);
  ctx.r[coll].delete(id);
}
