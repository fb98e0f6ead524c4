import { KpiEntrySchema } from "../../model/card.ts";
import { CardIdSchema } from "../../model/ids.ts";
import { fail } from "../context.ts";
import { defineCommand } from "../define.ts";
import { commandSchema } from "../fields.ts";
import { historyOf, kpiFields, restoreKpi, writeHistory } from "./kpi-history.ts";

/** Removes the value a KPI recorded on a date. */
export const schema = commandSchema("removeKpiValue", { id: CardIdSchema, date: KpiEntrySchema.shape.date });

export const command = defineCommand({
  schema,
  apply(ctx, c) {
    const fieldsY = kpiFields(ctx, c.id);
    const before = historyOf(fieldsY);
    const next = before.filter((e) => e.date !== c.date);
    if (next.length === before.length) fail(ctx, "date", `the KPI has no value on ${c.date}`);
    writeHistory(ctx, c.id, fieldsY, next);
  },
  invert: (m, c) => restoreKpi(m, c.id),
  describe: (c) => `KPI value of ${c.date} removed`,
});
