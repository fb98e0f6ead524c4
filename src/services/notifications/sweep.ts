import type { AttentionReport } from "../../domain/portfolio/index.ts";
import type { Member } from "../../storage/members.ts";
import type { WaylineEvent } from "../events/events.ts";
import type { JourneyService } from "../journey-service.ts";
import { loadWorkspaceMaps } from "../portfolio/workspace-maps.ts";
import { dedupeKeyOf } from "./rules.ts";

/**
 * The member a free-text owner ("Ana", "ana@team.test", "ana") names: by display name, e-mail or
 * the e-mail's local part, ignoring case and surrounding spaces; undefined when none or several.
 */
export function memberNamed(
  members: readonly Member[],
  owner: string | null | undefined,
): Member | undefined {
  const o = owner?.trim().toLowerCase();
  if (!o) return undefined;
  const hits = members.filter(
    (m) =>
      m.name.trim().toLowerCase() === o ||
      m.email.toLowerCase() === o ||
      m.email.split("@")[0]?.toLowerCase() === o,
  );
  return hits.length === 1 ? hits[0] : undefined;
}

const firstLine = (s: string) => {
  const l = s.split("\n")[0]?.trim() ?? "";
  return l.length > 80 ? `${l.slice(0, 79)}…` : l || "Empty card";
};

/** The events the workspace's maps imply now, each with its dedupe key. */
export async function sweepEvents(
  ws: string,
  journeys: JourneyService,
  members: readonly Member[],
  report: AttentionReport,
  at: string,
): Promise<{ event: WaylineEvent; key: string }[]> {
  const out: WaylineEvent[] = [];
  const system = { kind: "system" } as const;
  const maps = await loadWorkspaceMaps(journeys, ws);
  for (const map of maps)
    for (const card of map.cards) {
      if (card.fields.kind !== "pain") continue;
      const m = memberNamed(members, card.fields.owner);
      if (m)
        out.push({
          type: "pain.assigned",
          workspaceId: ws,
          journeyId: map.id,
          mapTitle: map.title,
          at,
          actor: system,
          cardId: card.id,
          cardText: firstLine(card.text),
          userId: m.userId,
        });
    }
  const byId = new Map(maps.map((m) => [m.id as string, m]));
  for (const item of report.items) {
    const m = memberNamed(members, item.owner);
    const map = byId.get(item.mapId);
    if (!m || !map) continue;
    if (item.kind === "pain-overdue" && item.cardId && item.dueDate) {
      const card = map.cards.find((c) => c.id === item.cardId);
      out.push({
        type: "pain.overdue",
        workspaceId: ws,
        journeyId: map.id,
        mapTitle: map.title,
        at,
        actor: system,
        cardId: item.cardId,
        cardText: firstLine(card?.text ?? ""),
        userId: m.userId,
        dueDate: item.dueDate,
      });
    } else if (item.kind === "review-overdue")
      out.push({
        type: "map.review_due",
        workspaceId: ws,
        journeyId: map.id,
        mapTitle: map.title,
        at,
        actor: system,
        userId: m.userId,
        lastReviewedAt: map.lastReviewedAt,
      });
  }
  return out.map((event) => ({ event, key: dedupeKeyOf(event) as string }));
}
