import { applyCommands } from "../commands/apply.ts";
import type { MapCommand } from "../commands/registry.ts";
import { formatDuration } from "../duration.ts";
import { createMapDoc } from "../factory.ts";
import type { EvidenceLink } from "../model/evidence.ts";
import type { CardId, EvidenceId, LaneId, StageId } from "../model/ids.ts";
import type { JourneyMap } from "../model/journey-map.ts";
import { fromYDoc } from "../ydoc/from-ydoc.ts";
import type { AttributeMixResult } from "./attribute-mix.ts";
import { type DesignedVsActual, designedVsActual } from "./designed-vs-actual.ts";
import { proposeStages, type StageOptions, type StageProposal } from "./draft-stages.ts";
import { type DraftTouchpoints, draftTouchpoints, touchpointCommands } from "./draft-touchpoints.ts";
import { kpiCommands } from "./kpi-commands.ts";
import type { DfgEdge, LogStats, VariantsResult } from "./log-results.ts";

export * from "./draft-stages.ts";
export * from "./draft-touchpoints.ts";

/** What a draft is made from: the answers the engines already give on one log. */
export interface DraftInput {
  /** Id of the log (names the KPI lane). */
  logId: string;
  /** Name of the log (cited as evidence). */
  logName: string;
  stats: LogStats;
  /** Variants read (the more, the better the placement of rare activities). */
  variants: VariantsResult;
  dfg: readonly DfgEdge[];
  /**
   * The engines' `stageAttributeMix` answer for `touchpointQuery(draftStages(…))`: the
   * touchpoints lane. Absent, or no channel attribute found: no touchpoints lane.
   */
  channels?: AttributeMixResult | undefined;
}

/** Options of a draft. */
export interface DraftOptions extends StageOptions {
  /** Map title (default: "Journey from <log name>"). */
  title?: string;
  /** New names of proposed stages, by stage id (the review step). */
  stageNames?: Readonly<Record<string, string>>;
  /** Today (YYYY-MM-DD), the date of the figures. */
  today: string;
}

/** A pain point found in the data, with its figure. */
export interface DraftPain {
  stageId: StageId;
  /** drop_off: cases end here; waiting: the slowest hand-over into the stage. */
  kind: "drop_off" | "waiting";
  /** Card text, with the figure. */
  text: string;
  /** Share of cases affected. */
  reach: number;
}

/** A proposed map: the commands that build it on an empty map, and what they were made from. */
export interface DraftMap {
  title: string;
  /** Proposed stages with their ids and activities, in order. */
  stages: { id: StageId; name: string; activities: string[] }[];
  /** How the stage order was found. */
  ordering: Omit<StageProposal, "stages">;
  pains: DraftPain[];
  /** The touchpoints lane: the channel attribute read and its cards (none without one). */
  touchpoints: DraftTouchpoints;
  /** Designed vs actual of the draft on its own log. */
  fit: DesignedVsActual;
  /** Commands building the map on an empty map (one write path: the normal command batch). */
  commands: MapCommand[];
}

const LANES = {
  actions: "d-lane-actions" as LaneId,
  pains: "d-lane-pains" as LaneId,
  kpis: "d-lane-kpis" as LaneId,
};

const pct = (x: number) => `${Math.round(x * 1000) / 10} %`;

/** Every activity of the log the engines' answers name. */
function activitiesOf(input: DraftInput): string[] {
  const names = new Set<string>();
  for (const v of input.variants.variants) for (const a of v.activities) names.add(a);
  for (const e of input.dfg) names.add(e.from).add(e.to);
  for (const a of [...input.stats.startActivities, ...input.stats.endActivities]) names.add(a.activity);
  return [...names];
}

function evidence(id: string, input: DraftInput, today: string, note: string): EvidenceLink {
  return {
    id: id as EvidenceId,
    kind: "analytics",
    title: `event log: ${input.logName}`.slice(0, 300),
    url: null,
    date: today,
    note: `${note} (log ${input.logId})`.slice(0, 2000),
  };
}

/** Stages, the actions lane (one observed card per activity) and one exact rule per activity. */
function structure(stages: DraftMap["stages"], input: DraftInput, today: string): MapCommand[] {
  const out: MapCommand[] = [
    { type: "addLane", id: LANES.actions, laneType: "actions", name: "Activities in the log" },
  ];
  const casesWith = new Map<string, number>();
  for (const v of input.variants.variants)
    for (const a of new Set(v.activities)) casesWith.set(a, (casesWith.get(a) ?? 0) + v.count);
  stages.forEach((s, i) => {
    out.push({
      type: "addStage",
      id: s.id,
      name: s.name,
      description: `Activities: ${s.activities.join(", ")}`.slice(0, 5000),
    });
    s.activities.forEach((a, j) => {
      const card = `d-act-${i + 1}-${j + 1}` as CardId;
      const cases = casesWith.get(a);
      const text = cases === undefined ? a : `${a} — ${cases} cases`;
      out.push({
        type: "addCard",
        id: card,
        laneId: LANES.actions,
        stageId: s.id,
        text,
        confidence: "observed",
      });
      out.push({
        type: "addEvidence",
        cardId: card,
        evidence: evidence(`d-ev-act-${i + 1}-${j + 1}`, input, today, `activity “${a}”`),
      });
      out.push({
        type: "addActivityRule",
        id: `d-rule-${i + 1}-${j + 1}` as never,
        match: "exact",
        pattern: a,
        stageId: s.id,
      });
    });
  });
  return out;
}

/** Up to 3 stages where most cases end (not the last stage), and up to 2 with the slowest hand-over in. */
export function findPains(map: JourneyMap, fit: DesignedVsActual, dfg: readonly DfgEdge[]): DraftPain[] {
  const cases = fit.cases;
  const drops = fit.stages
    .filter((s) => s.leftHere > 0)
    .sort((a, b) => b.leftHere - a.leftHere)
    .slice(0, 3)
    .map(
      (s): DraftPain => ({
        stageId: s.stageId,
        kind: "drop_off",
        text: `Drop-off: ${s.leftHere} of ${s.reached} cases (${pct(s.leftHere / Math.max(1, s.reached))}) go no further than “${s.stageName}”`,
        reach: cases ? s.leftHere / cases : 0,
      }),
    );
  const stageOf = new Map(map.activityRules.map((r) => [r.pattern, r.stageId]));
  const floor = Math.max(1, Math.ceil(cases * 0.05));
  const slowest = new Map<string, DfgEdge>();
  for (const e of dfg) {
    const to = stageOf.get(e.to);
    if (!to || e.count < floor || e.medianMs <= 0 || stageOf.get(e.from) === to) continue;
    const cur = slowest.get(to);
    if (!cur || e.medianMs > cur.medianMs) slowest.set(to, e);
  }
  const waits = [...slowest]
    .sort((a, b) => b[1].medianMs - a[1].medianMs)
    .slice(0, 2)
    .map(
      ([stageId, e]): DraftPain => ({
        stageId: stageId as StageId,
        kind: "waiting",
        text: `Waiting: median ${formatDuration(e.medianMs)} (mean ${formatDuration(e.meanMs)}) from “${e.from}” to “${e.to}”, ${e.count} times`,
        reach: cases ? Math.min(1, e.count / cases) : 0,
      }),
    );
  return [...drops, ...waits];
}

function painCommands(pains: readonly DraftPain[], input: DraftInput, today: string): MapCommand[] {
  if (pains.length === 0) return [];
  const out: MapCommand[] = [
    { type: "addLane", id: LANES.pains, laneType: "pain_points", name: "Pain points from data" },
  ];
  pains.forEach((p, i) => {
    const id = `d-pain-${i + 1}` as CardId;
    const fields = {
      impact: p.kind === "drop_off" ? "abandon" : "workaround",
      reach: Math.round(p.reach * 1000) / 1000,
    };
    out.push({
      type: "addCard",
      id,
      laneId: LANES.pains,
      stageId: p.stageId,
      text: p.text,
      confidence: "observed",
      fields,
    } as MapCommand);
    out.push({
      type: "addEvidence",
      cardId: id,
      evidence: evidence(`d-ev-pain-${i + 1}`, input, today, p.text),
    });
  });
  return out;
}

/** KPI cards (the data overlay's), given ids so that each can cite the log. */
function kpis(map: JourneyMap, fit: DesignedVsActual, input: DraftInput, today: string): MapCommand[] {
  const out: MapCommand[] = [];
  let n = 0;
  for (const c of kpiCommands(
    map,
    { logId: input.logId, logName: input.logName, stages: fit.stages },
    today,
  )) {
    if (c.type === "addLane") out.push({ ...c, id: LANES.kpis });
    else if (c.type === "addCard") {
      n += 1;
      const id = `d-kpi-${n}` as CardId;
      out.push({ ...c, id, laneId: LANES.kpis });
      out.push({
        type: "addEvidence",
        cardId: id,
        evidence: evidence(`d-ev-kpi-${n}`, input, today, c.text ?? ""),
      });
    }
  }
  return out;
}

/** Builds a map from commands on an empty map (nothing saved). */
export function buildMap(title: string, commands: readonly MapCommand[], now: string): JourneyMap {
  const doc = createMapDoc(title, "current_state", { now, id: "draft" as never });
  if (commands.length > 0) applyCommands(doc, commands, { now });
  return fromYDoc(doc);
}

/**
 * The draft's stages (ids `d-stage-1` …, the reviewer's names applied): what `draftMap` builds on,
 * exported so that callers can ask the engine for the touchpoints of exactly these stages first.
 */
export function draftStages(
  input: Omit<DraftInput, "channels">,
  opts: Partial<DraftOptions>,
): { proposal: StageProposal; stages: DraftMap["stages"] } {
  const proposal = proposeStages(
    activitiesOf(input),
    input.variants.variants,
    input.stats.cases,
    input.dfg,
    opts,
  );
  const stages = proposal.stages.map((g, i) => {
    const id = `d-stage-${i + 1}` as StageId;
    const renamed = opts.stageNames?.[id]?.trim();
    return { id, name: (renamed || g.name).slice(0, 200), activities: g.activities };
  });
  return { proposal, stages };
}

/**
 * Proposes a current-state map from a log: stages from the dominant order of activities (see
 * draft-stages.ts), one exact activity rule per activity, the data KPI lane, and pain points where
 * drop-off or waiting is worst — every card observed, citing the log. Pure and deterministic.
 */
export function draftMap(input: DraftInput, opts: DraftOptions): DraftMap {
  const { proposal, stages } = draftStages(input, opts);
  const title = (opts.title?.trim() || `Journey from ${input.logName}`).slice(0, 200);
  const now = `${opts.today}T00:00:00.000Z`;
  const base = structure(stages, input, opts.today);
  const skeleton = buildMap(title, base, now);
  const fit = designedVsActual(skeleton, input.variants.variants);
  const pains = findPains(skeleton, fit, input.dfg);
  const touchpoints = draftTouchpoints(
    input.channels,
    stages.map((s) => s.id),
  );
  const stageCases = new Map(input.channels?.stages.map((s) => [s.key, s.cases]) ?? []);
  const tpCommands = touchpointCommands(touchpoints, stageCases, (id, note) =>
    evidence(id, input, opts.today, note),
  );
  const { stages: _unused, ...ordering } = proposal;
  return {
    title,
    stages,
    ordering,
    pains,
    touchpoints,
    fit,
    commands: [
      ...base,
      ...tpCommands,
      ...kpis(skeleton, fit, input, opts.today),
      ...painCommands(pains, input, opts.today),
    ],
  };
}
