/**
 * Presets for starting a blank map (issue 12): a stage set and a lane set turned into the map
 * commands that build a ready, empty grid. Stage names come from the built-in templates so a
 * "seven-stage" blank map and the seven-stage template agree.
 */
import type { MapCommand } from "../commands/schema.ts";
import { WaylineError } from "../errors.ts";
import type { LaneType } from "../model/lane-types.ts";
import { b2bSalesCycle } from "./b2b-sales-cycle.ts";
import { classicSevenStage } from "./classic-seven-stage.ts";
import { customerSupport } from "./customer-support.ts";
import { genericFiveStage } from "./generic-five-stage.ts";
import { leadNurturing } from "./lead-nurturing.ts";
import type { TemplateSpec } from "./spec.ts";

/** Most stages a pasted list may hold (the map's own limit is 200). */
export const MAX_PASTED_STAGES = 60;
/** Longest stage name a command accepts. */
const MAX_NAME = 200;

/** A stage of a preset, with the phase (group of stages) it belongs to, if any. */
export interface PresetStage {
  /** Stage name. */
  name: string;
  /** Name of its phase. */
  phase?: string;
}

/** A named set of stages to start a map with. */
export interface StagePreset {
  /** Kebab-case id. */
  id: string;
  /** Name shown in the picker. */
  label: string;
  /** The stages in order. */
  stages: readonly PresetStage[];
  /** Phases in order, with their colours. */
  phases: readonly { name: string; color?: string }[];
}

/** A lane of a lane set. */
export interface PresetLane {
  /** Lane type. */
  type: LaneType;
  /** Row title; the type's label when omitted. */
  name?: string;
}

/** A named set of lanes to start a map with. */
export interface LaneSet {
  /** Kebab-case id. */
  id: string;
  /** Name shown in the picker. */
  label: string;
  /** What it is for, one line. */
  description: string;
  /** The lanes, top to bottom. */
  lanes: readonly PresetLane[];
}

const fromTemplate = (id: string, label: string, t: TemplateSpec): StagePreset => ({
  id,
  label,
  stages: t.stages.map((s) =>
    typeof s === "string" ? { name: s } : s.phase ? { name: s.name, phase: s.phase } : { name: s.name },
  ),
  phases: (t.phases ?? []).map((p) => (p.color ? { name: p.name, color: p.color } : { name: p.name })),
});

/** The classic stage sets, in picker order. */
export const STAGE_PRESETS: readonly StagePreset[] = [
  fromTemplate("five-stage", "Five-stage life cycle", genericFiveStage),
  fromTemplate("seven-stage", "Seven-stage purchase", classicSevenStage),
  fromTemplate("lead-funnel", "Lead funnel", leadNurturing),
  fromTemplate("support", "Customer support", customerSupport),
  fromTemplate("b2b", "B2B sales cycle", b2bSalesCycle),
];

/** The lane sets, in picker order; the first is the default. */
export const LANE_SETS: readonly LaneSet[] = [
  {
    id: "essentials",
    label: "Essentials",
    description: "Actions, touchpoints, thoughts, emotion, pain points and opportunities.",
    lanes: [
      { type: "actions" },
      { type: "touchpoints" },
      { type: "thoughts" },
      { type: "emotion" },
      { type: "pain_points" },
      { type: "ideas" },
    ],
  },
  {
    id: "service-blueprint",
    label: "Service blueprint",
    description: "Customer actions, evidence, front stage, back stage and support processes.",
    lanes: [
      { type: "actions", name: "Customer actions" },
      { type: "touchpoints", name: "Physical evidence" },
      { type: "emotion" },
      { type: "frontstage" },
      { type: "backstage" },
      { type: "support" },
      { type: "pain_points" },
    ],
  },
  {
    id: "minimal",
    label: "Minimal",
    description: "Actions, emotion and pain points — add the rest as you go.",
    lanes: [{ type: "actions" }, { type: "emotion" }, { type: "pain_points" }],
  },
];

/** The stage preset with this id. */
export function stagePreset(id: string): StagePreset {
  const p = STAGE_PRESETS.find((s) => s.id === id);
  if (!p) throw new WaylineError("invalid_request", `unknown stage preset "${id}"`);
  return p;
}

/** The lane set with this id. */
export function laneSet(id: string): LaneSet {
  const l = LANE_SETS.find((s) => s.id === id);
  if (!l) throw new WaylineError("invalid_request", `unknown lane set "${id}"`);
  return l;
}

/**
 * Stage names pasted one per line: trimmed, blank lines and list markers ("1.", "-", "•") dropped.
 * Throws `invalid_request` when nothing is left, a name is too long or there are too many.
 */
export function parseStageNames(text: string): PresetStage[] {
  const names = text
    .split(/\r?\n/)
    .map((l) => l.replace(/^\s*(?:[-*•]|\d+[.)])\s+/, "").trim())
    .filter((l) => l.length > 0);
  if (!names.length) throw new WaylineError("invalid_request", "paste at least one stage name");
  if (names.length > MAX_PASTED_STAGES)
    throw new WaylineError("invalid_request", `at most ${MAX_PASTED_STAGES} stages (got ${names.length})`);
  const long = names.findIndex((n) => n.length > MAX_NAME);
  if (long >= 0)
    throw new WaylineError(
      "invalid_request",
      `line ${long + 1}: a stage name has at most ${MAX_NAME} characters`,
    );
  return names.map((name) => ({ name }));
}

/**
 * The commands that turn an empty map into a ready grid: phases, stages (in their phases) and
 * lanes. Ids come from `newId` so callers (and tests) control them.
 */
export function blankMapCommands(
  stages: readonly PresetStage[],
  phases: readonly { name: string; color?: string }[],
  lanes: readonly PresetLane[],
  newId: () => string,
): MapCommand[] {
  const phaseIds = new Map<string, string>();
  const used = new Set(stages.map((s) => s.phase).filter(Boolean));
  const commands: MapCommand[] = [];
  for (const p of phases) {
    if (!used.has(p.name)) continue;
    const id = newId();
    phaseIds.set(p.name, id);
    commands.push({
      type: "addPhase",
      id,
      name: p.name,
      ...(p.color ? { color: p.color } : {}),
    } as MapCommand);
  }
  for (const s of stages) {
    const phaseId = s.phase ? phaseIds.get(s.phase) : undefined;
    commands.push({
      type: "addStage",
      id: newId(),
      name: s.name,
      ...(phaseId ? { phaseId } : {}),
    } as MapCommand);
  }
  for (const l of lanes)
    commands.push({
      type: "addLane",
      id: newId(),
      laneType: l.type,
      ...(l.name ? { name: l.name } : {}),
    } as MapCommand);
  return commands;
}
