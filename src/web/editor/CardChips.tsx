import type { Card } from "../../domain/index.ts";
import { SOLUTION_STATUS_LABELS } from "../../domain/labels.ts";
import { CHANNEL_ICONS } from "../../render/channels.ts";
import { Sparkline, sparklineLabel } from "../kpis/Sparkline.tsx";

const IMPACT = { trivial: "Trivial", workaround: "Workaround", abandon: "Abandon" } as const;

/** Small badges summarising a card's typed fields (channel icon, impact, owner, KPI …). */
export function CardChips({ card }: { card: Card }) {
  const f = card.fields;
  const chips: { text: string; title: string; tone?: string }[] = [];
  if (f.kind === "touchpoint" || f.kind === "channel") {
    if (f.channel)
      chips.push({
        text: `${CHANNEL_ICONS[f.channel].icon} ${CHANNEL_ICONS[f.channel].label}`,
        title: "Channel",
      });
    if (f.kind === "touchpoint" && f.ownerTeam) chips.push({ text: f.ownerTeam, title: "Owner team" });
    if (f.kind === "touchpoint" && f.isBot) chips.push({ text: "🤖 Bot", title: "Served by a bot" });
  } else if (f.kind === "pain") {
    if (f.impact) chips.push({ text: IMPACT[f.impact], title: "Impact", tone: f.impact });
    if (f.reach !== null) chips.push({ text: `${Math.round(f.reach * 100)} %`, title: "Reach" });
    if (f.owner) chips.push({ text: f.owner, title: "Owner" });
    if (f.dueDate) chips.push({ text: `Due ${f.dueDate}`, title: "Due date" });
  } else if (f.kind === "idea") {
    if (f.quickWin) chips.push({ text: "Quick win", title: "Quick win", tone: "win" });
    if (f.effort) chips.push({ text: `Effort ${f.effort}`, title: "Effort" });
    if (f.painPointIds.length)
      chips.push({ text: `Fixes ${f.painPointIds.length}`, title: "Linked pain points" });
    if (f.solutionStatus)
      chips.push({
        text: `Solution: ${SOLUTION_STATUS_LABELS[f.solutionStatus]}`,
        title: "Solution",
        tone: "win",
      });
  } else if (f.kind === "kpi") {
    const unit = f.unit ? ` ${f.unit}` : "";
    chips.push({
      text: `${f.name || "KPI"}: ${f.value ?? "–"}${unit} → ${f.target ?? "–"}${unit}`,
      title: "Value → target",
    });
  } else if (f.kind === "ownership" && f.department) chips.push({ text: f.department, title: "Department" });
  else if (f.kind === "blueprint" && f.ownerTeam) chips.push({ text: f.ownerTeam, title: "Owner team" });
  else if (f.kind === "handoff")
    chips.push({ text: f.actor === "bot" ? "🤖 Bot" : "🙋 Human", title: "Actor" });
  else if ((f.kind === "link" || f.kind === "image") && f.url)
    chips.push({ text: f.kind === "link" ? `🔗 ${f.linkKind}` : "🖼 image", title: f.url });
  if (card.evidence.length) chips.push({ text: `📎 ${card.evidence.length}`, title: "Evidence" });
  if (card.confidence !== "assumed")
    chips.push({ text: card.confidence, title: "Confidence", tone: card.confidence });
  const spark = f.kind === "kpi" && f.history.length > 1;
  if (!chips.length && !spark) return null;
  return (
    <div className="chips">
      {spark ? (
        <Sparkline
          history={f.history}
          target={f.target}
          label={sparklineLabel(f.history, f.target, f.unit)}
        />
      ) : null}
      {chips.map((c) => (
        <span key={c.title + c.text} className={`chip${c.tone ? ` tone-${c.tone}` : ""}`} title={c.title}>
          {c.text}
        </span>
      ))}
    </div>
  );
}
