import type { MapCommand } from "../commands/registry.ts";
import type { Channel } from "../model/channels.ts";
import type { EvidenceLink } from "../model/evidence.ts";
import type { CardId, LaneId, StageId } from "../model/ids.ts";
import type { AttributeMixResult } from "./attribute-mix.ts";

/**
 * The draft's touchpoints lane (docs/guide/journey-data.md, "Draft a map from a log"): per stage
 * the most used channels of a channel-like event attribute, with the share of the stage's cases
 * that used each. The figures are the engines' `stageAttributeMix` answer.
 */

/**
 * Attribute names read as the channel when the caller names none, in this order (the first one
 * some event carries wins): the names analytics and support exports use (Segment `channel`,
 * Zendesk `via`, Freshdesk `source`, UTM `medium`), as written and capitalised.
 */
export const CHANNEL_ATTRIBUTES = [
  "channel",
  "Channel",
  "context.channel",
  "case:channel",
  "via",
  "Via",
  "source",
  "Source",
  "medium",
  "Medium",
  "utm_medium",
  "platform",
  "Platform",
] as const;

/** Most touchpoint cards per stage. */
export const TOUCHPOINTS_PER_STAGE = 3;

/** The engine question the draft asks for its touchpoints (`AnalyticsEngine.stageAttributeMix`). */
export function touchpointQuery(
  stages: readonly { id: string; activities: readonly string[] }[],
  attribute?: string,
): { attributes: string[]; stages: { key: string; activities: string[] }[]; top: number } {
  return {
    attributes: attribute ? [attribute] : [...CHANNEL_ATTRIBUTES],
    stages: stages.map((s) => ({ key: s.id, activities: [...s.activities] })),
    top: TOUCHPOINTS_PER_STAGE,
  };
}

/** Words (lower case, letters only) naming each known channel. */
const CHANNEL_WORDS: Record<Channel, readonly string[]> = {
  web: ["web", "website", "webwidget", "webform", "browser", "desktop", "online", "portal", "site"],
  mobile_app: ["app", "mobileapp", "mobile", "ios", "android", "inapp"],
  email: ["email", "mail", "emails", "inbox"],
  phone: ["phone", "call", "voice", "telephone", "callcenter", "callcentre", "ivr"],
  chat: ["chat", "livechat", "messaging", "messenger", "whatsapp", "chatbot", "bot"],
  social: ["social", "facebook", "twitter", "instagram", "linkedin", "tiktok"],
  in_store: ["instore", "store", "shop", "branch", "retail", "walkin", "counter"],
  post: ["post", "letter", "postal"],
  ads: ["ads", "ad", "cpc", "ppc", "paid", "display", "paidsearch"],
  review_sites: ["reviewsites", "review", "reviews", "trustpilot", "yelp"],
  word_of_mouth: ["wordofmouth", "referral"],
  sms: ["sms", "text", "textmessage"],
  video: ["video", "youtube"],
  kiosk: ["kiosk"],
  other: [],
};
const WORD_TO_CHANNEL = new Map<string, Channel>(
  Object.entries(CHANNEL_WORDS).flatMap(([c, words]) => words.map((w) => [w, c as Channel] as const)),
);

/**
 * The known channel a value names: its letters (lower case) are one of the channel's words
 * (`CHANNEL_WORDS`), or start with "web" (Zendesk's "Web Widget", "Web form"). Null otherwise.
 */
export function channelOfValue(value: string): Channel | null {
  const t = value.toLowerCase().replace(/[^a-z]/g, "");
  return WORD_TO_CHANNEL.get(t) ?? (t.startsWith("web") ? "web" : null);
}

/** One drafted touchpoint card. */
export interface DraftTouchpoint {
  stageId: StageId;
  /** The attribute's value. */
  value: string;
  /** Cases of the stage with an event carrying it. */
  cases: number;
  /** cases / cases of the stage. */
  share: number;
  /** The known channel it names, else null. */
  channel: Channel | null;
}

/** What the touchpoints lane was made from. */
export interface DraftTouchpoints {
  /** The attribute read; null when the log has none of the candidates (no lane then). */
  attribute: string | null;
  cards: DraftTouchpoint[];
}

const pct = (x: number) => `${Math.round(x * 100)} %`;

/** The touchpoint cards of an engine's answer (stage keys are the draft's stage ids). */
export function draftTouchpoints(
  mix: AttributeMixResult | undefined,
  stageIds: readonly string[],
): DraftTouchpoints {
  if (!mix || mix.attribute === null) return { attribute: null, cards: [] };
  const known = new Set(stageIds);
  const cards = mix.stages.flatMap((s) =>
    known.has(s.key) && s.cases > 0
      ? s.values.slice(0, TOUCHPOINTS_PER_STAGE).map(
          (v): DraftTouchpoint => ({
            stageId: s.key as StageId,
            value: v.value,
            cases: v.cases,
            share: v.cases / s.cases,
            channel: channelOfValue(v.value),
          }),
        )
      : [],
  );
  return { attribute: mix.attribute, cards };
}

/** Commands of the touchpoints lane (none without cards); `evidence` makes each card's citation. */
export function touchpointCommands(
  tp: DraftTouchpoints,
  stageCases: ReadonlyMap<string, number>,
  evidence: (id: string, note: string) => EvidenceLink,
): MapCommand[] {
  if (tp.attribute === null || tp.cards.length === 0) return [];
  const lane = "d-lane-touchpoints" as LaneId;
  const out: MapCommand[] = [
    {
      type: "addLane",
      id: lane,
      laneType: "touchpoints",
      name: `Touchpoints from “${tp.attribute}”`.slice(0, 200),
    },
  ];
  tp.cards.forEach((t, i) => {
    const id = `d-tp-${i + 1}` as CardId;
    const of = stageCases.get(t.stageId) ?? 0;
    out.push({
      type: "addCard",
      id,
      laneId: lane,
      stageId: t.stageId,
      text: `${t.value} — ${pct(t.share)} of cases`.slice(0, 5000),
      confidence: "observed",
      ...(t.channel ? { fields: { channel: t.channel } } : {}),
    } as MapCommand);
    out.push({
      type: "addEvidence",
      cardId: id,
      evidence: evidence(
        `d-ev-tp-${i + 1}`,
        `${tp.attribute} “${t.value}” at ${t.cases} of ${of} cases of the stage`,
      ),
    });
  });
  return out;
}
