import { z } from "zod";

/** Every lane type of PRODUCT.md §1 (plus the empathy-map quadrants). */
export const LaneTypeSchema = z.enum([
  "text",
  "actions",
  "questions",
  "thoughts",
  "goals",
  "expectations",
  "triggers",
  "says",
  "does",
  "feels",
  "touchpoints",
  "channels",
  "emotion",
  "pain_points",
  "ideas",
  "kpis",
  "ownership",
  "frontstage",
  "backstage",
  "support",
  "handoff",
  "images",
  "links",
]);
export type LaneType = z.infer<typeof LaneTypeSchema>;

/** Kind of card a lane holds; the emotion lane holds emotion points, not cards. */
export type CardKind =
  | "note"
  | "touchpoint"
  | "channel"
  | "pain"
  | "idea"
  | "kpi"
  | "ownership"
  | "blueprint"
  | "handoff"
  | "image"
  | "link";

/** Human name and card kind of each lane type. */
export const LANE_TYPES: Record<LaneType, { label: string; cardKind: CardKind | null }> = {
  text: { label: "Text", cardKind: "note" },
  actions: { label: "Actions", cardKind: "note" },
  questions: { label: "Questions", cardKind: "note" },
  thoughts: { label: "Thoughts & feelings", cardKind: "note" },
  goals: { label: "Goals", cardKind: "note" },
  expectations: { label: "Expectations", cardKind: "note" },
  triggers: { label: "Triggers", cardKind: "note" },
  says: { label: "Says", cardKind: "note" },
  does: { label: "Does", cardKind: "note" },
  feels: { label: "Feels", cardKind: "note" },
  touchpoints: { label: "Touchpoints", cardKind: "touchpoint" },
  channels: { label: "Channels", cardKind: "channel" },
  emotion: { label: "Emotion curve", cardKind: null },
  pain_points: { label: "Pain points", cardKind: "pain" },
  ideas: { label: "Opportunities & ideas", cardKind: "idea" },
  kpis: { label: "KPIs", cardKind: "kpi" },
  ownership: { label: "Ownership", cardKind: "ownership" },
  frontstage: { label: "Frontstage", cardKind: "blueprint" },
  backstage: { label: "Backstage", cardKind: "blueprint" },
  support: { label: "Support processes", cardKind: "blueprint" },
  handoff: { label: "AI ↔ human hand-off", cardKind: "handoff" },
  images: { label: "Images & storyboard", cardKind: "image" },
  links: { label: "Links", cardKind: "link" },
};

/** Card kind held by a lane type (null for the emotion lane). */
export function cardKindOf(type: LaneType): CardKind | null {
  return LANE_TYPES[type].cardKind;
}
