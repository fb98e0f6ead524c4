import { invalid, type Problem } from "../errors.ts";
import { convertLevel, type EmotionScale } from "../model/emotion-scale.ts";
import type { CardId, LaneId, MapId, PhaseId, StageId } from "../model/ids.ts";
import { defaultProperties, type JourneyMap } from "../model/journey-map.ts";
import { initialKeys, sortOrdered } from "../ordering.ts";
import { fromYDoc } from "../ydoc/from-ydoc.ts";
import { toYDoc } from "../ydoc/to-ydoc.ts";
import { type MermaidJourney, parseMermaidJourney } from "./mermaid-parse.ts";
import { NATIVE_FORMAT_VERSION, type NativeDocument } from "./native.ts";
import type { ExportInput, ImportContext, ImportResult } from "./transfer.ts";
import { readWaylineLines, waylineLines } from "./wayline-lines.ts";

/** Mermaid's own score range. */
export const MERMAID_SCALE: EmotionScale = {
  min: 1,
  max: 5,
  levels: [
    { value: 1, label: "Very unhappy", emoji: "😞" },
    { value: 2, label: "Unhappy", emoji: "🙁" },
    { value: 3, label: "Neutral", emoji: "😐" },
    { value: 4, label: "Happy", emoji: "🙂" },
    { value: 5, label: "Very happy", emoji: "😀" },
  ],
};

/** Name of the text lane that carries Mermaid actors. */
export const ACTORS_LANE = "Actors";

/**
 * Characters Mermaid's journey lexer ends a name at (`#` comment, `;` statement end, `:` task
 * data; `,` between actors) replaced by look-alikes, so any name exports as valid Mermaid.
 */
function mermaidText(s: string, kind: "title" | "name" | "actor"): string {
  let out = s
    .replace(/[\r\n]+/g, " ")
    .replace(/#/g, "＃")
    .replace(/;/g, "；");
  if (kind !== "title") out = out.replace(/:/g, "꞉");
  if (kind === "actor") out = out.replace(/,/g, "‚");
  return out.trim();
}

/** Canonical form of a map (what storing it gives back): order of entities, defaults. */
export function canonicalMap(map: JourneyMap): JourneyMap {
  return fromYDoc(toYDoc(map));
}

function stageScore(map: JourneyMap, stageId: string): number {
  const points = map.emotionPoints.filter((e) => e.stageId === stageId && !e.stepId);
  const own = points.find((e) => e.personaId === null) ?? points[0];
  if (!own) return 3;
  return convertLevel(own.value, map.emotionScale, MERMAID_SCALE);
}

function stageActors(map: JourneyMap, stageId: string, personaNames: string[]): string[] {
  const lane = map.lanes.find((l) => l.type === "text" && l.name === ACTORS_LANE);
  if (!lane) return personaNames;
  const card = map.cards.find((c) => c.laneId === lane.id && c.stageId === stageId);
  return (card?.text ?? "")
    .split(",")
    .map((a) => a.trim())
    .filter(Boolean);
}

/** The visible Mermaid text: phases as sections, stages as tasks, emotion as scores. */
export function mermaidBody(map: JourneyMap, personaNames: string[]): string[] {
  const out = ["journey", `  title ${mermaidText(map.title, "title")}`];
  const stages = sortOrdered(map.stages);
  const task = (s: (typeof stages)[number]) => {
    const actors = stageActors(map, s.id, personaNames)
      .map((a) => mermaidText(a, "actor"))
      .filter(Boolean);
    const name = mermaidText(s.name, "name") || "Stage";
    return `      ${name}: ${stageScore(map, s.id)}${actors.length ? `: ${actors.join(", ")}` : ""}`;
  };
  const phased = new Set(map.phases.map((p) => p.id as string));
  for (const s of stages) if (!s.phaseId || !phased.has(s.phaseId)) out.push(task(s));
  for (const p of sortOrdered(map.phases)) {
    out.push(`  section ${mermaidText(p.name, "name") || "Section"}`);
    for (const s of stages) if (s.phaseId === p.id) out.push(task(s));
  }
  return out;
}

/** Writes a map as a Mermaid `journey`, with everything else in `%% wayline:` lines. */
export function toMermaid(input: Pick<ExportInput, "map" | "personas" | "exportedAt">): string {
  const names = input.map.personaIds.flatMap((id) => input.personas.find((p) => p.id === id)?.name ?? []);
  const body = mermaidBody(input.map, names);
  const doc: NativeDocument = {
    format: "wayline",
    version: NATIVE_FORMAT_VERSION,
    exportedAt: input.exportedAt,
    map: input.map,
    personas: input.personas.filter((p) => input.map.personaIds.includes(p.id)),
  };
  return `${[...body, ...waylineLines(doc, body)].join("\n")}\n`;
}

function clampScore(score: number, line: number, warnings: Problem[]): number {
  const v = Math.min(MERMAID_SCALE.max, Math.max(MERMAID_SCALE.min, Math.round(score)));
  if (v !== score)
    warnings.push({
      path: `line ${line}`,
      message: `score ${score} is outside Mermaid's 1–5 scale; stored as ${v}`,
    });
  return v;
}

/** Builds a map from the visible Mermaid: sections → phases, tasks → stages, scores → emotion. */
export function mapFromJourney(
  j: MermaidJourney,
  ctx: ImportContext,
): { map: JourneyMap; warnings: Problem[] } {
  const warnings = [...j.warnings];
  const id = ctx.newId;
  const named = j.sections.filter((s) => s.name !== null);
  const phaseKeys = initialKeys(named.length);
  const phases = named.map((s, i) => ({
    id: id() as PhaseId,
    name: (s.name || `Section ${i + 1}`).slice(0, 200),
    order: phaseKeys[i] as string,
    color: null,
  }));
  const tasks = j.sections.flatMap((s) => {
    const phaseId = s.name === null ? null : (phases[named.indexOf(s)]?.id ?? null);
    return s.tasks.map((t) => ({ t, phaseId }));
  });
  const stageKeys = initialKeys(tasks.length);
  const stages = tasks.map(({ t, phaseId }, i) => ({
    id: id() as StageId,
    name: t.name.slice(0, 200),
    order: stageKeys[i] as string,
    phaseId,
    description: "",
    momentOfTruth: false,
    subJourneyIds: [],
    steps: [],
  }));
  const withActors = tasks.some(({ t }) => t.actors.length > 0);
  const [k0, k1] = initialKeys(2) as [string, string];
  const emotionLane = { id: id() as LaneId, type: "emotion" as const, name: "Emotion", order: k0 };
  const actorsLane = withActors
    ? { id: id() as LaneId, type: "text" as const, name: ACTORS_LANE, order: k1 }
    : null;
  const lanes = [emotionLane, ...(actorsLane ? [actorsLane] : [])].map((l) => ({
    ...l,
    collapsed: false,
    personaId: null,
  }));
  const cards = actorsLane
    ? tasks.flatMap(({ t }, i) =>
        t.actors.length === 0
          ? []
          : [
              {
                id: id() as CardId,
                laneId: actorsLane.id,
                stageId: stages[i]?.id as StageId,
                stepId: null,
                order: k0,
                text: t.actors.join(", "),
                color: null,
                confidence: "assumed" as const,
                evidence: [],
                isSample: false,
                fields: { kind: "note" as const },
              },
            ],
      )
    : [];
  const emotionPoints = tasks.flatMap(({ t }, i) =>
    t.score === null
      ? []
      : [
          {
            personaId: null,
            stageId: stages[i]?.id as StageId,
            stepId: null,
            value: clampScore(t.score, t.line, warnings),
            emoji: null,
            reason: "",
            isSample: false,
          },
        ],
  );
  const title = (j.title || ctx.fallbackTitle || "Mermaid journey").slice(0, 200);
  const map: JourneyMap = {
    ...defaultProperties(title, "user_journey"),
    emotionScale: MERMAID_SCALE,
    id: id() as MapId,
    personaIds: [],
    phases,
    stages,
    lanes,
    cards,
    emotionPoints,
    activityRules: [],
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  return { map: canonicalMap(map), warnings };
}

/**
 * Reads a Mermaid `journey`. When the file carries `%% wayline:` lines written by `toMermaid` and
 * its visible part was not edited since, the map comes back exactly; otherwise the visible part is
 * imported (with a warning when stale Wayline lines were ignored).
 */
export function fromMermaid(text: string, ctx: ImportContext): ImportResult {
  const j = parseMermaidJourney(text);
  if (j.problems.length) throw invalid("invalid_document", "not a valid Mermaid journey", j.problems);
  if (j.wayline.length) {
    const back = readWaylineLines(j.wayline, text);
    if (back.ok) return { document: back.document, warnings: j.warnings };
    if (back.problems.length) throw invalid("invalid_document", "broken %% wayline: lines", back.problems);
    const { map, warnings } = mapFromJourney(j, ctx);
    return {
      document: { format: "wayline", version: NATIVE_FORMAT_VERSION, exportedAt: ctx.now, map, personas: [] },
      warnings: [
        ...warnings,
        {
          path: `line ${j.wayline[0]?.line ?? 1}`,
          message: "the Mermaid text was edited after export; its %% wayline: data was ignored",
        },
      ],
    };
  }
  const { map, warnings } = mapFromJourney(j, ctx);
  return {
    document: { format: "wayline", version: NATIVE_FORMAT_VERSION, exportedAt: ctx.now, map, personas: [] },
    warnings,
  };
}
