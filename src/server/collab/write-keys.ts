import * as Y from "yjs";

/** Singular key prefix of each root map (the prefixes the domain commands write, see conflicts.ts). */
const PREFIX: Record<string, string> = {
  meta: "meta",
  personas: "persona",
  phases: "phase",
  stages: "stage",
  lanes: "lane",
  cards: "card",
  emotions: "emotion",
  rules: "rule",
};

/** A Yjs shared type, as far as finding its path goes. */
interface TypeLike {
  _item: Y.Item | null;
  doc: Y.Doc | null;
}

/** Path of a type from its root: root name first, then map keys. */
function pathOf(type: TypeLike): string[] {
  const path: string[] = [];
  let t: TypeLike = type;
  while (t._item) {
    const item: Y.Item = t._item;
    if (item.parentSub) path.unshift(item.parentSub);
    t = item.parent as unknown as TypeLike;
  }
  if (t.doc) {
    for (const [name, root] of t.doc.share) if ((root as unknown) === t) path.unshift(name);
  }
  return path;
}

/**
 * The conflict keys (`card:ID.text`, `stage:ID.steps.SID.name`, `meta:goal.statement` …) a
 * transaction wrote, derived from what it changed, so edits made live are recorded like command
 * batches and `baseVersion` keeps its meaning for REST clients.
 */
export function writeKeysOf(tr: Y.Transaction): string[] {
  const out = new Set<string>();
  for (const [type, keys] of tr.changed) {
    const [root, ...rest] = pathOf(type);
    const prefix = root ? PREFIX[root] : undefined;
    if (!prefix) continue;
    const subs = type instanceof Y.Map ? [...keys].filter((k): k is string => k !== null) : [];
    if (subs.length === 0) {
      if (rest.length) out.add(`${prefix}:${rest.join(".")}`);
      continue;
    }
    for (const k of subs) out.add(`${prefix}:${[...rest, k].join(".")}`);
  }
  return [...out];
}
