import { z } from "zod";
import { ChannelSchema } from "./channels.ts";
import { ConfidenceSchema, EvidenceLinkSchema } from "./evidence.ts";
import { CardIdSchema, LaneIdSchema, StageIdSchema, StepIdSchema } from "./ids.ts";
import type { CardKind } from "./lane-types.ts";
import { OrderKeySchema } from "./structure.ts";
import { text } from "./text.ts";

const shortText = text().max(200);
const isoDate = z.iso.date();

/** Plain note card (actions, thoughts, questions, goals …). */
export const NoteFieldsSchema = z.strictObject({ kind: z.literal("note") });

/** A touchpoint: where the customer meets the service. */
export const TouchpointFieldsSchema = z.strictObject({
  kind: z.literal("touchpoint"),
  /** Channel it happens on. */
  channel: ChannelSchema.nullable(),
  /** Online or offline. */
  mode: z.enum(["online", "offline"]).nullable(),
  /** Team that owns it. */
  ownerTeam: shortText.nullable(),
  /** How often it is used, e.g. "daily", "once". */
  frequency: shortText.nullable(),
  /** True when a bot (not a person) serves the customer here. */
  isBot: z.boolean(),
});

/** A channel icon card. */
export const ChannelFieldsSchema = z.strictObject({
  kind: z.literal("channel"),
  /** The channel drawn. */
  channel: ChannelSchema,
});

/** How badly a pain point hurts. */
export const PainImpactSchema = z.enum(["trivial", "workaround", "abandon"]);
/** Where a pain point or action stands. */
export const WorkStatusSchema = z.enum(["open", "in_progress", "done", "wont_fix"]);
/** Where a pain point or action stands. */
export type WorkStatus = z.infer<typeof WorkStatusSchema>;

/** RICE confidence in percent (0–100); null = taken from the card's evidence level (see priority.ts). */
const ConfidencePctSchema = z.number().int().min(0).max(100).nullable().default(null);
/** RICE effort in person-weeks (> 0, at most 1,000); null = not estimated. */
const EffortWeeksSchema = z.number().positive().max(1000).nullable().default(null);
/** Most workshop votes one card can hold (500 participants × 20 dots, see domain/workshop/limits.ts). */
export const MAX_CARD_VOTES = 10_000;
/**
 * Dots the card got in the last revealed workshop vote (0 = none); breaks priority ties
 * (analysis/priority.ts). Written by `recordWorkshopVotes`.
 */
const VotesSchema = z.number().int().min(0).max(MAX_CARD_VOTES).default(0);

/** A pain point with its owner and deadline. */
export const PainFieldsSchema = z.strictObject({
  kind: z.literal("pain"),
  /** trivial / needs a workaround / makes people abandon. */
  impact: PainImpactSchema.nullable(),
  /** Share of customers affected, 0–1. */
  reach: z.number().min(0).max(1).nullable(),
  /** Person or team who owns the fix. */
  owner: shortText.nullable(),
  /** Due date of the fix (YYYY-MM-DD). */
  dueDate: isoDate.nullable(),
  /** Progress of the fix. */
  status: WorkStatusSchema,
  /** RICE confidence in percent; null = from the card's evidence level. */
  confidencePct: ConfidencePctSchema,
  /** RICE effort of the fix in person-weeks. */
  effortWeeks: EffortWeeksSchema,
  /** Dots of the last revealed workshop vote. */
  votes: VotesSchema,
});

/** Stages of a solution (an idea the team has taken on). */
export const SolutionStatusSchema = z.enum(["planned", "in_progress", "shipped"]);
/** Stage of a solution. */
export type SolutionStatus = z.infer<typeof SolutionStatusSchema>;
/** Most KPIs one solution may name. */
export const MAX_SOLUTION_KPIS = 20;

/** An opportunity or idea, linked to the pain points it addresses. */
export const IdeaFieldsSchema = z.strictObject({
  kind: z.literal("idea"),
  /** Pain point cards this idea addresses. */
  painPointIds: z.array(CardIdSchema).max(100),
  /** Rough effort. */
  effort: z.enum(["low", "medium", "high"]).nullable(),
  /** Marked by the team as a quick win. */
  quickWin: z.boolean(),
  /** RICE confidence in percent; null = from the card's evidence level. */
  confidencePct: ConfidencePctSchema,
  /** RICE effort in person-weeks. */
  effortWeeks: EffortWeeksSchema,
  /** Null for a plain idea; planned / in progress / shipped once it became a solution. */
  solutionStatus: SolutionStatusSchema.nullable().default(null),
  /** Date the solution shipped (YYYY-MM-DD). */
  shipDate: isoDate.nullable().default(null),
  /** KPI cards (same map) the solution should move. */
  kpiIds: z.array(CardIdSchema).max(MAX_SOLUTION_KPIS).default([]),
  /** Dots of the last revealed workshop vote. */
  votes: VotesSchema,
});

/** Most entries a KPI's history keeps. */
export const MAX_KPI_HISTORY = 500;

/** One value of a KPI on a date. */
export const KpiEntrySchema = z.strictObject({
  /** Date of the value (YYYY-MM-DD). */
  date: isoDate,
  /** The value. */
  value: z.number(),
  /** Typed by a person, or computed from the linked event log. */
  origin: z.enum(["manual", "log"]),
});
/** One value of a KPI on a date. */
export type KpiEntry = z.infer<typeof KpiEntrySchema>;

/** A KPI or metric measured at a stage. */
export const KpiFieldsSchema = z.strictObject({
  kind: z.literal("kpi"),
  /** Metric name, e.g. "Conversion". */
  name: shortText,
  /** Current value. */
  value: z.number().nullable(),
  /** Target value. */
  target: z.number().nullable(),
  /** Unit, e.g. "%", "min", "€". */
  unit: text().max(20),
  /** Where the number comes from. */
  source: shortText,
  /** Date of the value (YYYY-MM-DD). */
  asOf: isoDate.nullable(),
  /** Values over time, oldest first, at most one per date. */
  history: z.array(KpiEntrySchema).max(MAX_KPI_HISTORY).default([]),
});

/** The department owning a stage. */
export const OwnershipFieldsSchema = z.strictObject({
  kind: z.literal("ownership"),
  /** Department name. */
  department: shortText,
});

/** A service-blueprint process step (frontstage, backstage, support). */
export const BlueprintFieldsSchema = z.strictObject({
  kind: z.literal("blueprint"),
  /** Team or system doing it. */
  ownerTeam: shortText.nullable(),
});

/** Who serves the customer here and what passes the conversation from bot to person. */
export const HandoffFieldsSchema = z.strictObject({
  kind: z.literal("handoff"),
  /** Who is serving: a bot or a human. */
  actor: z.enum(["bot", "human"]),
  /** Triggers that hand over to a person, e.g. "anger detected". */
  triggers: z.array(text().min(1).max(200)).max(30),
});

/** An image or storyboard frame. */
export const ImageFieldsSchema = z.strictObject({
  kind: z.literal("image"),
  /** Image URL (http/https or data:image). */
  url: text()
    .max(500_000)
    .regex(/^(https?:\/\/|data:image\/)/, "must be an http(s) or data:image URL")
    .nullable(),
  /** Alternative text. */
  alt: text().max(500),
});

/** A link to a video or document. */
export const LinkFieldsSchema = z.strictObject({
  kind: z.literal("link"),
  /** Target URL (http/https). */
  url: text()
    .max(2000)
    .regex(/^https?:\/\//, "must be an http(s) URL")
    .nullable(),
  /** What it links to. */
  linkKind: z.enum(["video", "document", "other"]),
});

/** Typed fields of a card, by its kind. */
export const CardFieldsSchema = z.discriminatedUnion("kind", [
  NoteFieldsSchema,
  TouchpointFieldsSchema,
  ChannelFieldsSchema,
  PainFieldsSchema,
  IdeaFieldsSchema,
  KpiFieldsSchema,
  OwnershipFieldsSchema,
  BlueprintFieldsSchema,
  HandoffFieldsSchema,
  ImageFieldsSchema,
  LinkFieldsSchema,
]);
export type CardFields = z.infer<typeof CardFieldsSchema>;
export type FieldsOf<K extends CardKind> = Extract<CardFields, { kind: K }>;

/** Maximum length of a card's text. */
export const MAX_CARD_TEXT = 10_000;

/** Content in one lane × stage cell. */
export const CardSchema = z.strictObject({
  /** Stable id. */
  id: CardIdSchema,
  /** Lane (row) it sits in. */
  laneId: LaneIdSchema,
  /** Stage (column) it sits in. */
  stageId: StageIdSchema,
  /** Step inside the stage, if the stage is split into steps. */
  stepId: StepIdSchema.nullable(),
  /** Fractional-index order key within its cell. */
  order: OrderKeySchema,
  /** Main text (multi-line). */
  text: text().max(MAX_CARD_TEXT),
  /** Highlight colour as #rrggbb. */
  color: text()
    .regex(/^#[0-9a-fA-F]{6}$/, "expected a colour like #ffcc00")
    .nullable(),
  /** Assumed, observed or validated. */
  confidence: ConfidenceSchema,
  /** Research this card cites. */
  evidence: z.array(EvidenceLinkSchema).max(100),
  /** True when the card is sample content from a template. */
  isSample: z.boolean(),
  /** Typed fields of the lane's card kind. */
  fields: CardFieldsSchema,
});
export type Card = z.infer<typeof CardSchema>;

/** Default fields of a new card of a kind. */
export function defaultFields(kind: CardKind): CardFields {
  switch (kind) {
    case "note":
      return { kind };
    case "touchpoint":
      return { kind, channel: null, mode: null, ownerTeam: null, frequency: null, isBot: false };
    case "channel":
      return { kind, channel: "web" };
    case "pain":
      return {
        kind,
        impact: null,
        reach: null,
        owner: null,
        dueDate: null,
        status: "open",
        confidencePct: null,
        effortWeeks: null,
        votes: 0,
      };
    case "idea":
      return {
        kind,
        painPointIds: [],
        effort: null,
        quickWin: false,
        confidencePct: null,
        effortWeeks: null,
        solutionStatus: null,
        shipDate: null,
        kpiIds: [],
        votes: 0,
      };
    case "kpi":
      return { kind, name: "", value: null, target: null, unit: "", source: "", asOf: null, history: [] };
    case "ownership":
      return { kind, department: "" };
    case "blueprint":
      return { kind, ownerTeam: null };
    case "handoff":
      return { kind, actor: "bot", triggers: [] };
    case "image":
      return { kind, url: null, alt: "" };
    case "link":
      return { kind, url: null, linkKind: "other" };
  }
}
