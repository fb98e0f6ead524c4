import { goalText, kindName, priorityText, statusText } from "./summary-format.ts";
import type { StakeholderSummary, SummaryPainPoint } from "./summary-types.ts";

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const CSS = `
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2328;max-width:60rem;margin:2rem auto;padding:0 1rem}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #d0d7de}
.meta{color:#57606a}.score{font-weight:600}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #d0d7de;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#f6f8fa}tr.overdue td{background:#fff1f0}.flag{color:#b42318;font-weight:700}
.quick{background:#dafbe1;border-radius:.3rem;padding:0 .3rem;font-size:.85em}.empty{color:#57606a;font-style:italic}
@media print{body{margin:0;max-width:none;font-size:11pt}h2{break-after:avoid}tr{break-inside:avoid}tr.overdue td{background:none}}
`;

const e = escapeHtml;
const orDash = (s: string | null) => (s ? e(s) : "—");
const due = (p: SummaryPainPoint) =>
  p.dueDate ? `${e(p.dueDate)}${p.overdue ? ' <span class="flag">⚠ Overdue</span>' : ""}` : "—";
const row = (cells: string[], cls = "") =>
  `<tr${cls ? ` class="${cls}"` : ""}>${cells.map((c) => `<td>${c}</td>`).join("")}</tr>`;

function table(head: string[], rows: string[], empty: string): string {
  if (rows.length === 0) return `<p class="empty">${empty}</p>`;
  return `<table><thead><tr>${head.map((h) => `<th>${h}</th>`).join("")}</tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

function opportunityRows(s: StakeholderSummary): string[] {
  return s.opportunities.map((o) =>
    row([
      `${e(o.text)}${o.quickWin ? ' <span class="quick">quick win</span>' : ""}`,
      e(o.stageName),
      o.addresses.map(e).join("; ") || "—",
      o.ownerTeams.map(e).join(", ") || "—",
      o.effort ?? "—",
    ]),
  );
}

function sections(s: StakeholderSummary): string[] {
  const pains = s.topPainPoints.map((p) =>
    row(
      [String(p.rank), e(p.text), e(p.stageName), e(priorityText(p)), orDash(p.owner), due(p)],
      p.overdue ? "overdue" : "",
    ),
  );
  const opps = opportunityRows(s);
  const actions = s.actionPlan.map((a) =>
    row(
      [`Fix: ${e(a.text)}`, e(a.stageName), orDash(a.owner), due(a), statusText(a.status)],
      a.overdue ? "overdue" : "",
    ),
  );
  const overdue = s.overdue.map(
    (a) =>
      `<li><span class="flag">⚠</span> <strong>${e(a.text)}</strong>: due ${e(a.dueDate ?? "")}, owner ${orDash(a.owner)}</li>`,
  );
  const moments = s.momentsOfTruth.map(
    (m) => `<li><strong>${e(m.stageName)}</strong>: ${m.reasons.map(e).join(" ")}</li>`,
  );
  return [
    "<h2>Top pain points</h2>",
    table(["#", "Pain point", "Stage", "Priority", "Owner", "Due"], pains, "No open pain points."),
    "<h2>Opportunities</h2>",
    table(["Opportunity", "Stage", "Addresses", "Owner teams", "Effort"], opps, "No opportunities yet."),
    "<h2>Action plan</h2>",
    table(["Action", "Stage", "Owner", "Due", "Status"], actions, "Nothing to do."),
    `<h2>Overdue (${s.overdue.length})</h2>`,
    overdue.length > 0 ? `<ul>${overdue.join("")}</ul>` : '<p class="empty">Nothing is overdue.</p>',
    ...(moments.length > 0 ? ["<h2>Moments of truth</h2>", `<ul>${moments.join("")}</ul>`] : []),
  ];
}

/** The stakeholder summary as a self-contained, print-friendly HTML page; all user text is escaped. */
export function toHtml(s: StakeholderSummary): string {
  return [
    "<!doctype html>",
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>Stakeholder summary: ${e(s.title)}</title>`,
    `<style>${CSS}</style></head><body>`,
    `<h1>Stakeholder summary: ${e(s.title)}</h1>`,
    `<p class="meta">${kindName(s.kind)} · ${statusText(s.status)} · as of ${e(s.today)} · <span class="score">health score ${s.health.score}/100</span></p>`,
    `<p><strong>Goal:</strong> ${e(goalText(s.goal))}</p>`,
    ...sections(s),
    "</body></html>",
    "",
  ].join("\n");
}
