import type { Channel } from "../model/channels.ts";
import type { Goal, MapKind, Scope } from "../model/journey-map.ts";
import type { LaneType } from "../model/lane-types.ts";
import type { PersonaInput } from "../model/persona.ts";

/** One emotion point of a curve: level on the −3…+3 scale and a one-line reason. */
export type CurvePoint = readonly [value: number, reason: string];

/** A persona of a template, with its emotion curve on this map (one point per stage). */
export interface PersonaSpec extends Omit<PersonaInput, "id" | "isSample"> {
  /** Emotion points in stage order; must have one per stage. */
  curve?: readonly CurvePoint[];
}

/** A card of a template lane; typed fields are checked against the lane's kind when built. */
export interface CardSpec {
  /** Card text. */
  text: string;
  /** Typed fields (partial; the rest take the kind's defaults). */
  fields?: Record<string, unknown>;
  /** Name other cards use to refer to this one (pain points addressed by ideas). */
  key?: string;
  /** Keys of the pain points an idea addresses. */
  fixes?: readonly string[];
  /** Due date of a pain point, in days after the build time. */
  dueInDays?: number;
}

/** Content of one lane × stage cell: a plain note, a card, several, or nothing. */
export type CellSpec = string | CardSpec | ReadonlyArray<string | CardSpec> | null;

/** A lane of a template: cells by stage position (array) or by stage name (record). */
export interface LaneSpec {
  /** Lane type. */
  type: LaneType;
  /** Row title; the type's label when omitted. */
  name?: string;
  /** Index (in the template's personas) of the persona the lane is about. */
  persona?: number;
  /** Cells: one entry per stage, or keyed by stage name. */
  cells?: readonly CellSpec[] | Readonly<Record<string, CellSpec>>;
}

/** A stage (column) of a template. */
export interface StageSpec {
  /** Stage name. */
  name: string;
  /** What happens in it. */
  description?: string;
  /** Flagged as a moment of truth. */
  moment?: boolean;
  /** Name of the phase it belongs to. */
  phase?: string;
}

/** A whole template, described declaratively and turned into map commands by the builder. */
export interface TemplateSpec {
  /** Kebab-case id, e.g. `pizza-restaurant`. */
  id: string;
  /** Title of the built map. */
  title: string;
  /** Map kind. */
  kind: MapKind;
  /** What the template shows and when to use it. */
  description: string;
  /** Tags of the built map (and of the catalogue entry). */
  tags: readonly string[];
  /** Business goal with metric and target. */
  goal: Goal;
  /** Start, end and scenario. */
  scope: Scope;
  /** Phases (name and band colour), in order. */
  phases?: readonly { name: string; color?: string }[];
  /** Stages, in order. */
  stages: readonly (string | StageSpec)[];
  /** Personas, in order; their curves become the emotion points. */
  personas: readonly PersonaSpec[];
  /** Lanes, in order. */
  lanes: readonly LaneSpec[];
}

type Impact = "trivial" | "workaround" | "abandon";
type Effort = "low" | "medium" | "high";

/** A touchpoint card. `mode` defaults from the channel (in store, post and word of mouth are offline). */
export function tp(
  text: string,
  channel: Channel,
  ownerTeam: string,
  more: { frequency?: string; isBot?: boolean; mode?: "online" | "offline" } = {},
): CardSpec {
  const offline: Channel[] = ["in_store", "post", "word_of_mouth", "kiosk"];
  const mode = more.mode ?? (offline.includes(channel) ? "offline" : "online");
  return {
    text,
    fields: { channel, mode, ownerTeam, frequency: more.frequency ?? null, isBot: more.isBot ?? false },
  };
}

/** A pain point card, open, due `dueInDays` after the build. */
export function pain(
  key: string,
  text: string,
  impact: Impact,
  reach: number,
  owner: string,
  dueInDays = 90,
): CardSpec {
  return { key, text, dueInDays, fields: { impact, reach, owner, status: "open" } };
}

/** An idea card addressing the pain points named by `fixes`. */
export function idea(text: string, fixes: readonly string[], effort: Effort, quickWin = false): CardSpec {
  return { text, fixes, fields: { effort, quickWin } };
}

/** A KPI card; the value is illustrative sample data. */
export function kpi(
  name: string,
  value: number | null,
  target: number,
  unit: string,
  source: string,
): CardSpec {
  return {
    text: `${name}: ${value ?? "?"} → ${target} ${unit}`.trim(),
    fields: { name, value, target, unit, source },
  };
}

/** A service-blueprint step (frontstage, backstage or support) done by `ownerTeam`. */
export function step(text: string, ownerTeam: string): CardSpec {
  return { text, fields: { ownerTeam } };
}

/** A hand-off card: who serves the customer and what passes the conversation to a person. */
export function handoff(text: string, actor: "bot" | "human", triggers: readonly string[] = []): CardSpec {
  return { text, fields: { actor, triggers: [...triggers] } };
}

/** An ownership card naming the department responsible for a stage. */
export function owner(department: string): CardSpec {
  return { text: department, fields: { department } };
}

/** A channel icon card. */
export function channel(ch: Channel, text = ""): CardSpec {
  return { text, fields: { channel: ch } };
}
