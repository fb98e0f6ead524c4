import type * as Y from "yjs";
import { z } from "zod";
import { MAX_SOLUTION_KPIS, SolutionStatusSchema } from "../../model/card.ts";
import { CardIdSchema } from "../../model/ids.ts";
import { checkLinks } from "../card/card-checks.ts";
import { fail, mustGet } from "../context.ts";
import { defineCommand } from "../define.ts";
import { commandSchema } from "../fields.ts";

/** What an idea becomes as a solution (initiative); null turns it back into a plain idea. */
export const SolutionSchema = z.strictObject({
  /** planned / in progress / shipped. */
  status: SolutionStatusSchema,
  /** Date it shipped (YYYY-MM-DD); the before/after comparison of its KPIs reads it. */
  shipDate: z.iso.date().nullable().default(null),
  /** KPI cards (same map) it should move. */
  kpiIds: z.array(CardIdSchema).max(MAX_SOLUTION_KPIS).default([]),
});

/** Makes an idea a solution, changes its status, ship date and KPIs, or makes it a plain idea again. */
export const schema = commandSchema("setSolution", { id: CardIdSchema, solution: SolutionSchema.nullable() });

const KEYS = ["solutionStatus", "shipDate", "kpiIds"] as const;

export const command = defineCommand({
  schema,
  apply(ctx, c) {
    const card = mustGet(ctx, ctx.r.cards, c.id, "id", "card");
    const fieldsY = card.get("fields") as Y.Map<unknown>;
    if (fieldsY.get("kind") !== "idea")
      fail(ctx, "id", `card "${c.id}" is not an idea; only ideas become solutions`);
    const s = c.solution;
    if (s) checkLinks(ctx, s.kpiIds, "kpi", "kpiIds", "KPI");
    const next = {
      solutionStatus: s?.status ?? null,
      shipDate: s?.shipDate ?? null,
      kpiIds: s?.kpiIds ?? [],
    };
    for (const key of KEYS) {
      fieldsY.set(key, next[key]);
      ctx.writes.add(`card:${c.id}.fields.${key}`);
    }
  },
  invert(m, c) {
    const card = m.cards.find((x) => x.id === c.id);
    if (card?.fields.kind !== "idea") return [];
    const f = card.fields;
    return [
      {
        type: "updateCard",
        id: c.id,
        fields: { solutionStatus: f.solutionStatus, shipDate: f.shipDate, kpiIds: [...f.kpiIds] },
      },
    ];
  },
  describe: (c) =>
    c.solution ? `Solution ${c.solution.status.replace("_", " ")}` : "Solution turned back into an idea",
});
