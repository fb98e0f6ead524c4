import type { MapCommand } from "../commands/registry.ts";
import type { EvidenceLink } from "../model/evidence.ts";
import type { JourneyMap } from "../model/journey-map.ts";
import { type Tally, votableCards } from "./voting.ts";

/** Title of the evidence a revealed vote leaves on a card: "Workshop 2026-12-02: 7 votes of 9 participants". */
export function voteEvidenceTitle(date: string, votes: number, voters: number): string {
  const v = `${votes} vote${votes === 1 ? "" : "s"}`;
  const p = `${voters} participant${voters === 1 ? "" : "s"}`;
  return `Workshop ${date}: ${v} of ${p}`;
}

/**
 * The map commands that keep a revealed vote on the map: every pain point and idea gets the
 * vote's dots as `votes` (the last revealed vote counts; cards without dots go back to 0), and
 * each card with dots gets an evidence entry of kind `workshop` (its confidence rises from
 * assumed to observed). Cards whose votes stay 0 are left alone.
 */
export function voteResultCommands(
  map: JourneyMap,
  result: Tally,
  roundId: string,
  date: string,
): MapCommand[] {
  const out: MapCommand[] = [];
  for (const card of votableCards(map)) {
    const votes = result.totals[card.id] ?? 0;
    const before = "votes" in card.fields ? card.fields.votes : 0;
    if (votes === 0 && before === 0) continue;
    const evidence: EvidenceLink | null =
      votes > 0
        ? {
            id: `workshop-${roundId}` as EvidenceLink["id"],
            kind: "workshop",
            title: voteEvidenceTitle(date, votes, result.voters),
            url: null,
            date,
            note: "",
          }
        : null;
    out.push({ type: "recordWorkshopVotes", cardId: card.id, votes, evidence });
  }
  return out;
}
