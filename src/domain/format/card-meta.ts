import type { Card } from "../model/card.ts";

const IMPACT: Record<string, string> = {
  trivial: "trivial",
  workaround: "needs a workaround",
  abandon: "makes people abandon",
};

/** Human words for a card's typed fields (one line under its text in pictures, slides, documents). */
export function cardMeta(card: Pick<Card, "fields">): string[] {
  const f = card.fields;
  switch (f.kind) {
    case "touchpoint":
      return [
        f.channel?.replace(/_/g, " "),
        f.mode,
        f.ownerTeam && `owner ${f.ownerTeam}`,
        f.frequency,
        f.isBot ? "bot" : null,
      ].filter((x): x is string => !!x);
    case "pain":
      return [
        f.impact && IMPACT[f.impact],
        f.reach === null ? null : `reach ${Math.round(f.reach * 100)} %`,
        f.owner && `owner ${f.owner}`,
        f.dueDate && `due ${f.dueDate}`,
        f.status === "open" ? null : f.status.replace(/_/g, " "),
      ].filter((x): x is string => !!x);
    case "idea":
      return [
        f.effort && `${f.effort} effort`,
        f.quickWin ? "quick win" : null,
        f.painPointIds.length ? `fixes ${f.painPointIds.length}` : null,
      ].filter((x): x is string => !!x);
    case "kpi": {
      const v = f.value === null ? "—" : `${f.value}${f.unit ? ` ${f.unit}` : ""}`;
      const t = f.target === null ? null : `target ${f.target}${f.unit ? ` ${f.unit}` : ""}`;
      return [`now ${v}`, t, f.source && `source ${f.source}`, f.asOf && `as of ${f.asOf}`].filter(
        (x): x is string => !!x,
      );
    }
    case "ownership":
      return f.department ? [f.department] : [];
    case "blueprint":
      return f.ownerTeam ? [f.ownerTeam] : [];
    case "handoff":
      return [f.actor, ...f.triggers.map((t) => `→ person when ${t}`)];
    case "link":
      return [f.linkKind, f.url].filter((x): x is string => !!x && x !== "other");
    case "image":
      return f.alt ? [f.alt] : [];
    case "channel":
      return [f.channel.replace(/_/g, " ")];
    case "note":
      return [];
  }
}
