import { cardsOfKind, isBlank, quote } from "../analysis/health/cards.ts";
import type { HealthConfig } from "../analysis/health/config.ts";
import { futureStateMissing } from "../analysis/health/rules-context.ts";
import { reviewOverdue } from "../analysis/health/rules-evidence.ts";
import { painNoOwner } from "../analysis/health/rules-ownership.ts";
import { ruleSeverity } from "../analysis/health/run.ts";
import type { HealthRule, RuleFinding } from "../analysis/health/types.ts";
import type { Severity } from "../analysis/types.ts";
import type { JourneyMap } from "../model/journey-map.ts";
import { daysBetween, isOverdue } from "./overdue.ts";

/** What needs attention, in the order the list shows it (most urgent first). */
export const ATTENTION_KINDS = [
  "pain-overdue",
  "review-overdue",
  "research-stale",
  "pain-no-owner",
  "future-state-missing",
] as const;
/** Kind of a needs-attention item. */
export type AttentionKind = (typeof ATTENTION_KINDS)[number];

/** Kinds each `--fail-on` value stands for. */
export const FAIL_ON_KINDS = {
  /** Pain points past their due date. */
  overdue: ["pain-overdue"],
  /** Maps past their review cadence or citing research older than the limit. */
  stale: ["review-overdue", "research-stale"],
} as const satisfies Record<string, readonly AttentionKind[]>;
/** A `--fail-on` value. */
export type FailOn = keyof typeof FAIL_ON_KINDS;

/** One thing in the workspace that needs someone's attention. */
export interface AttentionItem {
  /** What kind of problem it is. */
  kind: AttentionKind;
  /** Severity: the health rule's effective severity (overdue pain points are warnings). */
  severity: Severity;
  /** The map it is on. */
  mapId: string;
  /** That map's title. */
  mapTitle: string;
  /** Who has to act: the pain point's owner, else the map's owner; null when nobody is named. */
  owner: string | null;
  /** Stage, when the item is about a card or a stage. */
  stageId?: string;
  /** Card, when the item is about a card. */
  cardId?: string;
  /** Due date of an overdue pain point. */
  dueDate?: string;
  /** What is wrong, in a sentence. */
  message: string;
  /** How to fix it. */
  hint: string;
}

/** What `mapAttention` needs besides the map. */
export interface AttentionContext {
  /** Today as YYYY-MM-DD. */
  today: string;
  /** The workspace's resolved health-check settings (rules switched off stay off here). */
  config: HealthConfig;
  /** Whether the map's counterpart still exists (unknown when absent). */
  counterpartExists?: boolean;
}

function nameOrNull(text: string | null | undefined): string | null {
  return isBlank(text) ? null : (text as string).trim();
}

/** Findings of one health rule under the workspace settings (none when switched off). */
function findings(rule: HealthRule, map: JourneyMap, ctx: AttentionContext): RuleFinding[] {
  const severity = ruleSeverity(rule, ctx.config);
  if (!severity) return [];
  const { counterpartExists, today, config } = ctx;
  return rule.check(map, {
    today,
    config,
    severity,
    ...(counterpartExists === undefined ? {} : { counterpartExists }),
  });
}

function fromFinding(map: JourneyMap, kind: AttentionKind, f: RuleFinding, owner: string | null) {
  const item: AttentionItem = {
    kind,
    severity: f.severity,
    mapId: map.id,
    mapTitle: map.title,
    owner,
    message: f.message,
    hint: f.hint,
  };
  if (f.location.stageId) item.stageId = f.location.stageId;
  if (f.location.cardId) item.cardId = f.location.cardId;
  return item;
}

function overduePains(map: JourneyMap, today: string, mapOwner: string | null): AttentionItem[] {
  return cardsOfKind(map.cards, "pain")
    .filter((c) => isOverdue(c.fields, today))
    .map((c): AttentionItem => {
      const due = c.fields.dueDate as string;
      const days = daysBetween(due, today);
      return {
        kind: "pain-overdue",
        severity: "warning",
        mapId: map.id,
        mapTitle: map.title,
        owner: nameOrNull(c.fields.owner) ?? mapOwner,
        stageId: c.stageId,
        cardId: c.id,
        dueDate: due,
        message: `Pain point ${quote(c)} was due on ${due} (${days} day${days === 1 ? "" : "s"} overdue).`,
        hint: "Fix it, move the due date with its owner, or mark it won't fix.",
      };
    });
}

/**
 * What needs attention on one map, by reusing the health-check rules (review-overdue,
 * pain-no-owner, future-state-missing) with the workspace's settings, plus overdue pain points.
 * review-overdue reports both the map's review and each card's stale research: the card-level
 * findings (those with a card) become `research-stale`. Archived maps need no attention.
 */
export function mapAttention(map: JourneyMap, ctx: AttentionContext): AttentionItem[] {
  if (map.status === "archived") return [];
  const mapOwner = nameOrNull(map.owner);
  const review = findings(reviewOverdue, map, ctx).map((f) =>
    fromFinding(map, f.location.cardId ? "research-stale" : "review-overdue", f, mapOwner),
  );
  const unowned = findings(painNoOwner, map, ctx).map((f) => fromFinding(map, "pain-no-owner", f, mapOwner));
  const future = findings(futureStateMissing, map, ctx).map((f) =>
    fromFinding(map, "future-state-missing", f, mapOwner),
  );
  return [...overduePains(map, ctx.today, mapOwner), ...review, ...unowned, ...future];
}

/** Same person: names compared trimmed and case-insensitively. */
export function sameOwner(a: string | null, b: string): boolean {
  return a !== null && a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** Items in list order: by kind (most urgent first), then oldest due date, map title, message. */
export function sortAttention(items: readonly AttentionItem[]): AttentionItem[] {
  const rank = (k: AttentionKind) => ATTENTION_KINDS.indexOf(k);
  return [...items].sort(
    (a, b) =>
      rank(a.kind) - rank(b.kind) ||
      (a.dueDate ?? "").localeCompare(b.dueDate ?? "") ||
      a.mapTitle.localeCompare(b.mapTitle) ||
      a.message.localeCompare(b.message),
  );
}

/** Number of items per owner (null = nobody named), most items first, then by name. */
export function countByOwner(items: readonly AttentionItem[]): { owner: string | null; count: number }[] {
  const counts = new Map<string, { owner: string | null; count: number }>();
  for (const i of items) {
    const key = i.owner?.toLowerCase() ?? "";
    const row = counts.get(key) ?? { owner: i.owner, count: 0 };
    row.count++;
    counts.set(key, row);
  }
  return [...counts.values()].sort(
    (a, b) => b.count - a.count || (a.owner ?? "\uffff").localeCompare(b.owner ?? "\uffff"),
  );
}

/** True when any item is of a kind `failOn` stands for. */
export function failsOn(items: readonly AttentionItem[], failOn: FailOn): boolean {
  const kinds: readonly AttentionKind[] = FAIL_ON_KINDS[failOn];
  return items.some((i) => kinds.includes(i.kind));
}

/** The needs-attention list of a workspace. */
export interface AttentionReport {
  /** The day the list was computed for (YYYY-MM-DD). */
  today: string;
  /** Number of maps looked at (archived ones included, they contribute nothing). */
  mapCount: number;
  /** Number of items per kind (after filters). */
  counts: Record<AttentionKind, number>;
  /** Items per owner over the whole workspace (before the owner filter), to pick an owner. */
  owners: { owner: string | null; count: number }[];
  /** The items, most urgent first. */
  items: AttentionItem[];
}

/** Number of items of each kind (every kind present, zero when none). */
export function countByKind(items: readonly AttentionItem[]): Record<AttentionKind, number> {
  const counts = Object.fromEntries(ATTENTION_KINDS.map((k) => [k, 0])) as Record<AttentionKind, number>;
  for (const i of items) counts[i.kind]++;
  return counts;
}
