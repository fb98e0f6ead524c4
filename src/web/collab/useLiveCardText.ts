import { type RefObject, useEffect } from "react";
import { useSession } from "../editor/session-context.ts";
import { LiveMapSession } from "../state/live-session.ts";
import { mergeText, movePosition } from "../state/merge-text.ts";

/**
 * Keeps an open card text editor live: when the map's text of the card changes under it (a
 * collaborator's edit, an API edit), the textarea shows that text merged with what is typed but
 * not yet committed (three-way, as src/web/state/merge-text.ts), with the caret and selection kept
 * where they were in my text. `committed` is the editor's last known map text (its merge base);
 * it becomes the new map text, so the next commit sends only the merged result.
 */
export function useLiveCardText(
  cardId: string,
  mapText: string,
  ref: RefObject<HTMLTextAreaElement | null>,
  committed: { current: string },
  setDraft: (text: string) => void,
): void {
  const session = useSession();
  useEffect(() => {
    const el = ref.current;
    if (!el || mapText === committed.current) return;
    const mine = el.value;
    const merged = mergeText(committed.current, mine, mapText);
    committed.current = mapText;
    if (session instanceof LiveMapSession) session.rebaseText(cardId, mapText);
    if (merged === mine) return;
    const { selectionStart, selectionEnd, selectionDirection } = el;
    // Set the DOM value first: React then finds it equal and leaves the caret alone.
    el.value = merged;
    el.setSelectionRange(
      movePosition(mine, merged, selectionStart),
      movePosition(mine, merged, selectionEnd),
      selectionDirection,
    );
    setDraft(merged);
  }, [mapText, cardId, ref, committed, setDraft, session]);
}
