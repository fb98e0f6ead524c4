import { prioritizePainPoints } from "../analysis/priority.ts";
import { escapeMarkdown } from "../analysis/summary-markdown.ts";
import { formatDuration } from "../duration.ts";
import type { JourneyMap } from "../model/journey-map.ts";
import { LANE_TYPES } from "../model/lane-types.ts";
import type { Persona } from "../model/persona.ts";
import { sortOrdered } from "../ordering.ts";
import { cardMeta } from "./card-meta.ts";
import type { ExportInput } from "./transfer.ts";

const md = escapeMarkdown;

function header(map: JourneyMap, personas: readonly Persona[]): string[] {
  const out = [
    `# ${md(map.title)}`,
    "",
    `*${map.kind.replace(/_/g, " ")} · ${map.status.replace(/_/g, " ")}*`,
    "",
  ];
  if (map.goal.statement) out.push(`- **Goal:** ${md(map.goal.statement)}`);
  if (map.goal.metric)
    out.push(
      `- **Measured by:** ${md(map.goal.metric)}${map.goal.target ? ` (target ${md(map.goal.target)})` : ""}`,
    );
  if (map.scope.start || map.scope.end)
    out.push(`- **Scope:** ${md(map.scope.start || "…")} → ${md(map.scope.end || "…")}`);
  if (map.scope.scenario) out.push(`- **Scenario:** ${md(map.scope.scenario)}`);
  if (map.owner) out.push(`- **Owner:** ${md(map.owner)}`);
  const people = personas.filter((p) => map.personaIds.includes(p.id));
  if (people.length) {
    out.push("", "## Personas", "");
    for (const p of people)
      out.push(
        `- **${md(p.name)}**${[p.age ? `${p.age}` : "", p.role]
          .filter(Boolean)
          .map((x) => `, ${md(String(x))}`)
          .join("")}${p.quote ? ` — “${md(p.quote)}”` : ""}`,
      );
  }
  return out;
}

function emotionText(map: JourneyMap, stageId: string, personas: readonly Persona[]): string[] {
  const name = (id: string | null) =>
    id ? (personas.find((p) => p.id === id)?.name ?? "Persona") : "Customer";
  return map.emotionPoints
    .filter((e) => e.stageId === stageId && !e.stepId)
    .map((e) => {
      const label = map.emotionScale.levels.find((l) => l.value === e.value)?.label;
      return `- ${md(name(e.personaId))}: ${e.value}${label ? ` (${md(label)})` : ""}${e.reason ? ` — ${md(e.reason)}` : ""}`;
    });
}

function stageSection(map: JourneyMap, personas: readonly Persona[], stageId: string): string[] {
  const stage = map.stages.find((s) => s.id === stageId);
  if (!stage) return [];
  const out = ["", `### ${md(stage.name)}${stage.momentOfTruth ? " ★ moment of truth" : ""}`, ""];
  if (stage.description) out.push(md(stage.description), "");
  if (stage.sla)
    out.push(
      `*SLA: ${formatDuration(stage.sla.targetMs)} in stage${stage.sla.label ? ` (${md(stage.sla.label)})` : ""}*`,
      "",
    );
  for (const lane of sortOrdered(map.lanes)) {
    const title = md(lane.name || LANE_TYPES[lane.type].label);
    const items =
      lane.type === "emotion"
        ? emotionText(map, stage.id, personas)
        : map.cards
            .filter((c) => c.laneId === lane.id && c.stageId === stage.id)
            .map((c) => {
              const meta = cardMeta(c).filter((m) => m !== c.text);
              return `- ${md(c.text || meta[0] || "")}${meta.length ? ` *(${meta.map(md).join("; ")})*` : ""}`;
            });
    if (items.length) out.push(`**${title}**`, "", ...items, "");
  }
  return out;
}

/** Markdown document of a map for wikis and Confluence: header, stage by stage, prioritised pain points. */
export function mapToMarkdown(input: Pick<ExportInput, "map" | "personas">): string {
  const { map, personas } = input;
  const out = header(map, personas);
  const stages = sortOrdered(map.stages);
  const phases = new Map(map.phases.map((p) => [p.id as string, p.name]));
  out.push("", "## Journey");
  let phase: string | null = null;
  for (const s of stages) {
    if (s.phaseId && s.phaseId !== phase && phases.has(s.phaseId))
      out.push("", `## Phase: ${md(phases.get(s.phaseId) ?? "")}`);
    phase = s.phaseId;
    out.push(...stageSection(map, personas, s.id));
  }
  const pains = prioritizePainPoints(map);
  if (pains.length) {
    out.push(
      "",
      "## Pain points by priority",
      "",
      "| # | pain point | stage | impact × reach | owner | due |",
      "| --- | --- | --- | --- | --- | --- |",
    );
    for (const p of pains)
      out.push(
        `| ${p.rank} | ${md(p.card.text)} | ${md(p.stageName)} | ${p.score === null ? "—" : p.score.toFixed(2)} | ${md(p.card.fields.owner ?? "—")} | ${p.card.fields.dueDate ?? "—"} |`,
      );
  }
  return `${out.join("\n").replace(/\n{3,}/g, "\n\n")}\n`;
}
