import type { Card, FieldsOf } from "../../domain/index.ts";

const norm = (s: string) => s.trim().replace(/\s+/g, " ").toLowerCase();

/** A number as the card shows it: up to two decimals, thin grouping ("12 400"). */
export function formatFigure(v: number, unit: string): string {
  const n = Number.isInteger(v) ? String(v) : v.toFixed(2).replace(/\.?0+$/, "");
  const grouped = n.replace(/\B(?=(\d{3})+(?!\d))/g, " ");
  return unit ? `${grouped} ${unit}` : grouped;
}

/** What a KPI card shows: a title, its figures (only those set) and the card text when it adds something. */
export interface KpiDisplay {
  title: string;
  value: string | null;
  target: string | null;
  /** The card's own text, unless it only restates the KPI's name (and figures). */
  note: string | null;
}

/** The KPI card's content without placeholders ("– → –") and without repeating its figures. */
export function kpiDisplay(f: FieldsOf<"kpi">, text: string): KpiDisplay {
  const name = f.name.trim();
  const firstLine = text.split("\n")[0]?.trim() ?? "";
  const title = name || firstLine || "Untitled KPI";
  const restates = !text.trim() || (name ? norm(text).startsWith(norm(name)) : true);
  return {
    title,
    value: f.value === null ? null : formatFigure(f.value, f.unit),
    target: f.target === null ? null : formatFigure(f.target, f.unit),
    note: restates ? (name ? null : text.split("\n").slice(1).join("\n").trim() || null) : text,
  };
}

/** What an ownership card shows: the department as its title, the text only when it says more. */
export function ownershipDisplay(
  f: FieldsOf<"ownership">,
  text: string,
): { title: string; note: string | null } {
  const dept = f.department.trim();
  if (!dept) return { title: text.trim() || "No department", note: null };
  return { title: dept, note: text.trim() && norm(text) !== norm(dept) ? text : null };
}

const NONE: readonly Card[] = [];
let lastCards: readonly Card[] | null = null;
let lastIndex = new Map<string, readonly Card[]>();

/**
 * Idea cards that address each pain point (from the ideas' `painPointIds`), computed once per
 * change of the card list. A pain point whose ideas did not change keeps its previous array, so
 * memoised pain cards do not re-render after unrelated edits.
 */
export function ideasFixing(cards: readonly Card[], painId: string): readonly Card[] {
  if (cards !== lastCards) {
    const next = new Map<string, Card[]>();
    for (const c of cards)
      if (c.fields.kind === "idea")
        for (const p of c.fields.painPointIds) {
          const list = next.get(p);
          if (list) list.push(c);
          else next.set(p, [c]);
        }
    const stable = new Map<string, readonly Card[]>();
    for (const [k, list] of next) {
      const old = lastIndex.get(k);
      stable.set(k, old && old.length === list.length && old.every((c, i) => c === list[i]) ? old : list);
    }
    lastCards = cards;
    lastIndex = stable;
  }
  return lastIndex.get(painId) ?? NONE;
}

/** Pain-point impact in words, as a pain card's headline. */
export const IMPACT_TEXT = {
  trivial: "Trivial",
  workaround: "Needs a workaround",
  abandon: "Makes people abandon",
} as const;
