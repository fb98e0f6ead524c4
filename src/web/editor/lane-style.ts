import type { LaneType } from "../../domain/index.ts";

/**
 * Colour family of a lane type. Each tone is a set of CSS custom properties (`--tone`,
 * `--tone-soft`, `--tone-ink`) defined for light and dark themes in map-look.css, so lane
 * headers, bands and cards of one family share one colour.
 */
export type LaneTone =
  | "customer"
  | "mind"
  | "intent"
  | "touch"
  | "emotion"
  | "pain"
  | "idea"
  | "metric"
  | "service"
  | "media";

/** The tone of each lane type. */
export const LANE_TONE: Record<LaneType, LaneTone> = {
  text: "customer",
  actions: "customer",
  does: "customer",
  says: "mind",
  thoughts: "mind",
  feels: "mind",
  questions: "mind",
  goals: "intent",
  expectations: "intent",
  triggers: "intent",
  touchpoints: "touch",
  channels: "touch",
  emotion: "emotion",
  pain_points: "pain",
  ideas: "idea",
  kpis: "metric",
  ownership: "service",
  frontstage: "service",
  backstage: "service",
  support: "service",
  handoff: "service",
  images: "media",
  links: "media",
};

/** Lane types whose note cards are quotes (drawn as speech, in the persona's words). */
export const QUOTE_LANES: ReadonlySet<LaneType> = new Set(["thoughts", "says", "feels", "questions"]);
