import { useEffect } from "react";
import { useReviewPanel } from "../review/review-store.ts";
import type { MapSession } from "../state/session.ts";
import { focusAnchor } from "./CommentsPanel.tsx";
import { followComments, useComments } from "./comments-store.ts";

/** Opens what a link names (`?thread=`, `?card=`, `?review=`): the inbox links here. */
function openFromUrl(session: MapSession): void {
  const q = new URLSearchParams(window.location.search);
  const thread = q.get("thread");
  const card = q.get("card");
  const review = q.get("review");
  if (!thread && !card && !review) return;
  if (thread) {
    useComments.getState().show({ focusThread: thread });
    const focusWhenLoaded = () => {
      const t = useComments.getState().view?.threads.find((x) => x.id === thread);
      if (!t) return false;
      if (t.anchor.kind === "card") session.store.setState({ selectedCardId: t.anchor.cardId });
      requestAnimationFrame(() => focusAnchor(t));
      return true;
    };
    if (!focusWhenLoaded()) {
      const stop = useComments.subscribe(() => focusWhenLoaded() && stop());
      setTimeout(stop, 10_000);
    }
  }
  if (card) {
    session.store.setState({ selectedCardId: card, panel: "card" });
    requestAnimationFrame(() => focusAnchor({ anchor: { kind: "card", cardId: card } }));
  }
  if (review) useReviewPanel.getState().show(review);
  window.history.replaceState(null, "", window.location.pathname);
}

/** The editor's discussion: follows the map's comments live and opens what the URL names. */
export function useDiscussion(session: MapSession, mapId: string): void {
  useEffect(() => {
    if (reviewMap !== mapId) useReviewPanel.getState().close();
    reviewMap = mapId;
    return followComments(mapId);
  }, [mapId]);
  useEffect(() => {
    openFromUrl(session);
    const onPop = () => openFromUrl(session);
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
  }, [session]);
}

/** The map the review panel was last open on (it closes when another map opens). */
let reviewMap: string | null = null;
