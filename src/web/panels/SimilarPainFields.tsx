import { useCallback, useEffect, useState } from "react";
import type { Card } from "../../domain/index.ts";
import { ApiError } from "../api/request.ts";
import { useEditor } from "../editor/session-context.ts";
import {
  type PainLinkDecision,
  type PainRef,
  portfolioApi,
  type SimilarPainEntry,
} from "../portfolio/portfolio-api.ts";
import { SimilarPains } from "../portfolio/SimilarPains.tsx";
import "../portfolio/portfolio.css";

/**
 * A pain point's similar pain points in the workspace's other maps (link / dismiss) and its
 * linked siblings, in the card panel (`GET|POST /api/portfolio/similar`).
 */
export function SimilarPainFields({ card }: { card: Card }) {
  const mapId = useEditor((s) => s.map.id);
  const [entry, setEntry] = useState<SimilarPainEntry | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [hidden, setHidden] = useState(false);
  const load = useCallback(() => {
    portfolioApi.similar({ mapId, cardId: card.id }).then(
      (r) => {
        setEntry(r.items[0] ?? null);
        setError(null);
        setHidden(false);
      },
      (e: Error) => {
        const status = e instanceof ApiError ? e.status : 0;
        // No access to the workspace's other maps (a share link): nothing to show.
        if (status === 401 || status === 403 || status === 404) setHidden(true);
        // A card typed a moment ago is compared once it is stored.
        else if (status === 400) setError("Compared with other maps once this pain point is saved.");
        else setError(e.message);
      },
    );
  }, [mapId, card.id]);
  useEffect(load, [load]);
  const decide = async (other: PainRef, decision: PainLinkDecision) => {
    setBusy(true);
    try {
      setEntry(await portfolioApi.decideSimilar({ mapId, cardId: card.id }, other, decision));
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  if (hidden) return null;
  return (
    <fieldset className="links" aria-label="Similar pain points in other maps">
      <legend>Other maps</legend>
      {error ? <p className="muted">{error}</p> : null}
      {entry ? <SimilarPains entry={entry} onDecide={decide} busy={busy} /> : null}
      {!entry && !error ? <p className="muted">Looking for similar pain points…</p> : null}
    </fieldset>
  );
}
