import { goalText, kindName, priorityText, statusText } from "./summary-format.ts";
import type { StakeholderSummary, SummaryPainPoint } from "./summary-types.ts";

/** Escapes user text for one Markdown table cell or line: no markup, no HTML, no line breaks. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[\\`*_[\]<>|#~!]/g, (c) => `\\${c}`);
}

function table(head: string[], rows: string[][]): string[] {
  return [
    `| ${head.join(" | ")} |`,
    `|${head.map(() => " --- ").join("|")}|`,
    ...rows.map((r) => `| ${r.join(" | ")} |`),
  ];
}

const orDash = (s: string | null) => (s ? escapeMarkdown(s) : "—");
const due = (p: SummaryPainPoint) => (p.dueDate ? `${p.dueDate}${p.overdue ? " **⚠ OVERDUE**" : ""}` : "—");

function painSection(s: StakeholderSummary): string[] {
  if (s.topPainPoints.length === 0) return ["_No open pain points._"];
  return table(
    ["#", "Pain point", "Stage", "Priority", "Owner", "Due"],
    s.topPainPoints.map((p) => [
      String(p.rank),
      escapeMarkdown(p.text),
      escapeMarkdown(p.stageName),
      escapeMarkdown(priorityText(p)),
      orDash(p.owner),
      due(p),
    ]),
  );
}

function opportunitySection(s: StakeholderSummary): string[] {
  if (s.opportunities.length === 0) return ["_No opportunities yet._"];
  return table(
    ["Opportunity", "Stage", "Addresses", "Owner teams", "Effort"],
    s.opportunities.map((o) => [
      `${escapeMarkdown(o.text)}${o.quickWin ? " **(quick win)**" : ""}`,
      escapeMarkdown(o.stageName),
      o.addresses.map(escapeMarkdown).join("; ") || "—",
      o.ownerTeams.map(escapeMarkdown).join(", ") || "—",
      o.effort ?? "—",
    ]),
  );
}

function actionSection(s: StakeholderSummary): string[] {
  if (s.actionPlan.length === 0) return ["_Nothing to do._"];
  return table(
    ["Action", "Stage", "Owner", "Due", "Status"],
    s.actionPlan.map((a) => [
      `Fix: ${escapeMarkdown(a.text)}`,
      escapeMarkdown(a.stageName),
      orDash(a.owner),
      due(a),
      statusText(a.status),
    ]),
  );
}

function overdueSection(s: StakeholderSummary): string[] {
  if (s.overdue.length === 0) return ["_Nothing is overdue._"];
  return s.overdue.map(
    (a) => `- ⚠ **${escapeMarkdown(a.text)}**: due ${a.dueDate}, owner ${orDash(a.owner)}`,
  );
}

/** The stakeholder summary as GitHub-flavoured Markdown; all user text is escaped. */
export function toMarkdown(s: StakeholderSummary): string {
  const moments = s.momentsOfTruth.map(
    (m) => `- **${escapeMarkdown(m.stageName)}**: ${m.reasons.map(escapeMarkdown).join(" ")}`,
  );
  return [
    `# Stakeholder summary: ${escapeMarkdown(s.title)}`,
    "",
    `_${kindName(s.kind)} · ${statusText(s.status)} · as of ${s.today} · health score ${s.health.score}/100_`,
    "",
    `**Goal:** ${escapeMarkdown(goalText(s.goal))}`,
    "",
    "## Top pain points",
    "",
    ...painSection(s),
    "",
    "## Opportunities",
    "",
    ...opportunitySection(s),
    "",
    "## Action plan",
    "",
    ...actionSection(s),
    "",
    `## Overdue (${s.overdue.length})`,
    "",
    ...overdueSection(s),
    ...(moments.length > 0 ? ["", "## Moments of truth", "", ...moments] : []),
    "",
  ].join("\n");
}
