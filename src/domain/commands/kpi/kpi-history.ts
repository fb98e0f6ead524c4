import type * as Y from "yjs";
import { type KpiEntry, MAX_KPI_HISTORY } from "../../model/card.ts";
import type { CardId } from "../../model/ids.ts";
import type { JourneyMap } from "../../model/journey-map.ts";
import { type CommandContext, fail, mustGet } from "../context.ts";
import type { MapCommand } from "../registry.ts";

/** The KPI card's fields Y.Map, or a located failure when the card is not a KPI. */
export function kpiFields(ctx: CommandContext, id: string): Y.Map<unknown> {
  const card = mustGet(ctx, ctx.r.cards, id, "id", "card");
  const fieldsY = card.get("fields") as Y.Map<unknown>;
  if (fieldsY.get("kind") !== "kpi") fail(ctx, "id", `card "${id}" is not a KPI`);
  return fieldsY;
}

/** The stored history (absent in maps made before KPIs kept one). */
export function historyOf(fieldsY: Y.Map<unknown>): KpiEntry[] {
  const h = fieldsY.get("history");
  return Array.isArray(h) ? (h as KpiEntry[]) : [];
}

/**
 * Writes a new history and keeps the card's value and "as of" date equal to its latest entry
 * (an empty history leaves them as they are).
 */
export function writeHistory(
  ctx: CommandContext,
  id: string,
  fieldsY: Y.Map<unknown>,
  next: KpiEntry[],
): void {
  if (next.length > MAX_KPI_HISTORY)
    fail(ctx, "date", `a KPI keeps at most ${MAX_KPI_HISTORY} values; remove old ones first`);
  fieldsY.set("history", next);
  ctx.writes.add(`card:${id}.fields.history`);
  const latest = next.at(-1);
  if (!latest) return;
  fieldsY.set("value", latest.value);
  fieldsY.set("asOf", latest.date);
  ctx.writes.add(`card:${id}.fields.value`);
  ctx.writes.add(`card:${id}.fields.asOf`);
}

/** The command restoring a KPI's history, value and date as they were in `m`. */
export function restoreKpi(m: JourneyMap, id: CardId): MapCommand[] {
  const card = m.cards.find((x) => x.id === id);
  if (card?.fields.kind !== "kpi") return [];
  const f = card.fields;
  return [
    {
      type: "updateCard",
      id,
      fields: { history: f.history.map((e) => ({ ...e })), value: f.value, asOf: f.asOf },
    },
  ];
}
