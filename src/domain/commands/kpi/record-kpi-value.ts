import { z } from "zod";
import { KpiEntrySchema } from "../../model/card.ts";
import { CardIdSchema } from "../../model/ids.ts";
import { defineCommand } from "../define.ts";
import { commandSchema } from "../fields.ts";
import { historyOf, kpiFields, restoreKpi, writeHistory } from "./kpi-history.ts";

/**
 * Records a KPI's value on a date (replacing a value already recorded that day). The card's
 * value and "as of" date follow the latest entry.
 */
export const schema = commandSchema("recordKpiValue", {
  id: CardIdSchema,
  date: KpiEntrySchema.shape.date,
  value: z.number().finite(),
  origin: KpiEntrySchema.shape.origin.default("manual"),
});

export const command = defineCommand({
  schema,
  apply(ctx, c) {
    const fieldsY = kpiFields(ctx, c.id);
    const entry = { date: c.date, value: c.value, origin: c.origin };
    const next = [...historyOf(fieldsY).filter((e) => e.date !== c.date), entry].sort((a, b) =>
      a.date.localeCompare(b.date),
    );
    writeHistory(ctx, c.id, fieldsY, next);
  },
  invert: (m, c) => restoreKpi(m, c.id),
  describe: (c) => `KPI value ${c.value} on ${c.date}`,
});
