import type { JourneyMap, MapProperties } from "../../model/journey-map.ts";
import { writeProperties } from "../../ydoc/to-ydoc.ts";
import { defineCommand } from "../define.ts";
import { commandSchema, MapPatchSchema } from "../fields.ts";

/** Changes map-level properties (title, kind, goal, scope …); goal and scope may be given in part. */
export const schema = commandSchema("setMapProperties", { patch: MapPatchSchema });
type Patch = (typeof schema)["_output"]["patch"];

function oldProperties(m: JourneyMap, patch: Patch): Patch {
  const old: Record<string, unknown> = {};
  for (const key of Object.keys(patch) as (keyof Patch)[]) {
    if (key === "goal" || key === "scope") {
      const cur = m[key] as unknown as Record<string, string>;
      old[key] = Object.fromEntries(Object.keys(patch[key] ?? {}).map((k) => [k, cur[k] ?? ""]));
    } else old[key] = m[key as keyof MapProperties];
  }
  return old as Patch;
}

export const command = defineCommand({
  schema,
  apply(ctx, c) {
    writeProperties(ctx.r.meta, c.patch as never);
    for (const [key, value] of Object.entries(c.patch)) {
      if (key === "goal" || key === "scope") {
        for (const sub of Object.keys(value as object)) ctx.writes.add(`meta:${key}.${sub}`);
      } else ctx.writes.add(`meta:${key}`);
    }
  },
  invert: (m, c) => [{ type: "setMapProperties", patch: oldProperties(m, c.patch) }],
  describe: (c) => `Map properties: ${JSON.stringify(c.patch)}`,
  patchPlain(map, c) {
    const { goal, scope, ...rest } = c.patch;
    if (rest.title !== undefined && !rest.title.trim()) return null;
    return {
      ...map,
      ...rest,
      goal: goal ? { ...map.goal, ...goal } : map.goal,
      scope: scope ? { ...map.scope, ...scope } : map.scope,
    } as JourneyMap;
  },
});
