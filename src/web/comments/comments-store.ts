import { create } from "zustand";
import type { CommentsView } from "../../contract/comments.ts";
import { commentsApi } from "../api/discussion.ts";

/** The sidebar's status filter. */
export type ThreadFilter = "open" | "resolved" | "mine";

interface CommentsState {
  /** The map whose comments are loaded. */
  mapId: string | null;
  view: CommentsView | null;
  error: string | null;
  open: boolean;
  filter: ThreadFilter;
  /** Show only threads of this anchor (a badge was clicked), or all. */
  anchorKey: string | null;
  /** A thread to scroll to and highlight (from the inbox). */
  focusThread: string | null;
  show(opts?: { anchorKey?: string | null; focusThread?: string | null }): void;
  close(): void;
  setFilter(f: ThreadFilter): void;
}

/** Comments of the open map and the sidebar's state (UI only; the server holds the threads). */
export const useComments = create<CommentsState>((set) => ({
  mapId: null,
  view: null,
  error: null,
  open: false,
  filter: "open",
  anchorKey: null,
  focusThread: null,
  show: (opts = {}) =>
    set({ open: true, anchorKey: opts.anchorKey ?? null, focusThread: opts.focusThread ?? null }),
  close: () => set({ open: false, anchorKey: null, focusThread: null }),
  setFilter: (filter) => set({ filter }),
}));

/** Reloads the open map's threads. */
export async function reloadComments(): Promise<void> {
  const id = useComments.getState().mapId;
  if (!id) return;
  try {
    const view = await commentsApi.list(id);
    if (useComments.getState().mapId === id) useComments.setState({ view, error: null });
  } catch (e) {
    useComments.setState({ error: (e as Error).message });
  }
}

/**
 * Follows a map's comments live: loads them, then long-polls `…/comments/changes` and reloads
 * when the cursor moves. Answers how to stop. Errors back off (2 s, up to 30 s).
 */
export function followComments(mapId: string): () => void {
  let stopped = false;
  // Another map: nothing of the previous one stays (React's strict mode restarts the same map).
  if (useComments.getState().mapId !== mapId)
    useComments.setState({ mapId, view: null, error: null, open: false, anchorKey: null, focusThread: null });
  const loop = async () => {
    await reloadComments();
    let backoff = 2000;
    while (!stopped) {
      const since = useComments.getState().view?.cursor ?? "";
      try {
        const r = await commentsApi.changes(mapId, since, 25);
        backoff = 2000;
        if (!stopped && r.changed) await reloadComments();
      } catch {
        await new Promise((res) => setTimeout(res, backoff));
        backoff = Math.min(backoff * 2, 30_000);
      }
    }
  };
  void loop();
  return () => {
    stopped = true;
  };
}
