import { Eye, Minus, Plus, Vote } from "lucide-react";
import { useState } from "react";
import type { SessionView, WorkshopAbilities } from "../../contract/workshop.ts";
import type { Card, JourneyMap } from "../../domain/index.ts";
import { votableCards } from "../../domain/workshop/voting.ts";
import { ToolLabel } from "../ui/ToolLabel.tsx";
import { workshopApi } from "./workshop-api.ts";
import { act } from "./workshop-store.ts";

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? "" : "s"}`;
const short = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text) || "(no text)";

/** Dot voting: setup (facilitators), my dots on each pain point and idea, totals once revealed. */
export function VoteSection({
  session,
  map,
  you,
}: {
  session: SessionView;
  map: JourneyMap;
  you: WorkshopAbilities;
}) {
  const vote = session.vote;
  const stageName = new Map(map.stages.map((s) => [s.id as string, s.name]));
  const cards = votableCards(map);
  return (
    <section aria-label="Dot voting">
      <h3>Dot voting</h3>
      {!vote || (vote.status === "revealed" && you.facilitate) ? (
        <VoteSetupForm facilitate={you.facilitate} again={!!vote} />
      ) : null}
      {vote?.status === "open" ? (
        <>
          <p role="status">
            {you.vote ? `You have ${plural(vote.myRemaining, "dot")} left of ${vote.votesPerPerson}. ` : ""}
            {plural(vote.voters, "person")} voted so far; the counts stay hidden until the facilitator reveals
            them.
          </p>
          <ul className="workshop-cards">
            {cards.map((c) => (
              <DotRow
                key={c.id}
                card={c}
                stage={stageName.get(c.stageId) ?? ""}
                mine={vote.mine[c.id] ?? 0}
                vote={vote}
                canVote={you.vote}
              />
            ))}
          </ul>
          {you.reveal ? (
            <button type="button" className="btn primary" onClick={() => act((id) => workshopApi.reveal(id))}>
              <ToolLabel icon={Eye}>Reveal the votes</ToolLabel>
            </button>
          ) : null}
        </>
      ) : null}
      {vote?.status === "revealed" && vote.totals ? (
        <Results totals={vote.totals} voters={vote.voters} cards={cards} stageName={stageName} />
      ) : null}
    </section>
  );
}

function DotRow({
  card,
  stage,
  mine,
  vote,
  canVote,
}: {
  card: Card;
  stage: string;
  mine: number;
  vote: NonNullable<SessionView["vote"]>;
  canVote: boolean;
}) {
  const name = short(card.text);
  const full = vote.myRemaining === 0 || (!vote.stacking && mine > 0);
  return (
    <li>
      <span className="workshop-card-name">
        <span className="muted">
          {card.fields.kind === "pain" ? "Pain point" : "Idea"} · {stage}
        </span>{" "}
        {name}
      </span>
      <span className="workshop-dots" aria-hidden="true">
        {"●".repeat(mine)}
      </span>
      <span className="sr-only">Your dots: {mine}</span>
      {canVote ? (
        <span className="workshop-row">
          <button
            type="button"
            className="btn ghost"
            aria-label={`Remove a dot from “${name}”`}
            disabled={mine === 0}
            onClick={() => act((id) => workshopApi.vote(id, card.id, -1))}
          >
            <Minus size={14} aria-hidden="true" />
          </button>
          <button
            type="button"
            className="btn ghost"
            aria-label={`Add a dot to “${name}”`}
            disabled={full}
            onClick={() => act((id) => workshopApi.vote(id, card.id, 1))}
          >
            <Plus size={14} aria-hidden="true" />
          </button>
        </span>
      ) : null}
    </li>
  );
}

function VoteSetupForm({ facilitate, again }: { facilitate: boolean; again: boolean }) {
  const [votes, setVotes] = useState(3);
  const [stacking, setStacking] = useState(true);
  if (!facilitate) return again ? null : <p className="muted">No vote yet.</p>;
  return (
    <form
      className="workshop-row"
      onSubmit={(e) => {
        e.preventDefault();
        void act((id) => workshopApi.openVote(id, { votesPerPerson: votes, stacking }));
      }}
    >
      <label>
        Dots per person
        <input
          type="number"
          min={1}
          max={20}
          value={votes}
          onChange={(e) => setVotes(Math.max(1, Math.min(20, Number(e.target.value) || 1)))}
        />
      </label>
      <label className="check">
        <input type="checkbox" checked={stacking} onChange={(e) => setStacking(e.target.checked)} /> Several
        dots on one card
      </label>
      <button type="submit" className="btn">
        <ToolLabel icon={Vote}>{again ? "Open a new vote" : "Open the vote"}</ToolLabel>
      </button>
    </form>
  );
}

function Results({
  totals,
  voters,
  cards,
  stageName,
}: {
  totals: Record<string, number>;
  voters: number;
  cards: Card[];
  stageName: Map<string, string>;
}) {
  const ranked = cards
    .filter((c) => (totals[c.id] ?? 0) > 0)
    .sort((a, b) => (totals[b.id] ?? 0) - (totals[a.id] ?? 0));
  return (
    <section aria-label="Vote results">
      <p>
        Revealed: {plural(voters, "participant")} voted. The dots are now on the cards (workshop evidence) and
        rank pain points of equal priority.
      </p>
      <ol className="workshop-cards">
        {ranked.map((c) => (
          <li key={c.id}>
            <span className="workshop-card-name">
              <span className="muted">{stageName.get(c.stageId) ?? ""}</span> {short(c.text)}
            </span>
            <strong>{plural(totals[c.id] ?? 0, "vote")}</strong>
          </li>
        ))}
      </ol>
      {ranked.length === 0 ? <p className="muted">Nobody placed a dot.</p> : null}
    </section>
  );
}
