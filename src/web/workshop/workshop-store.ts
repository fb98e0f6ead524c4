import { create } from "zustand";
import type { WorkshopView } from "../../contract/workshop.ts";
import { workshopApi } from "./workshop-api.ts";

/** The open map's workshop as this browser knows it (UI state only; the server holds the session). */
interface WorkshopUiState {
  mapId: string | null;
  /** Latest answer of the server, null before the first. */
  view: WorkshopView | null;
  /** `performance.now()` when `view` arrived: the timer counts down from there (no clock skew). */
  receivedAt: number;
  /** Whether the panel is open. */
  open: boolean;
  /** Last refused action, shown in the panel. */
  error: string | null;
  show(): void;
  close(): void;
}

/** The workshop panel's state. */
export const useWorkshop = create<WorkshopUiState>((set) => ({
  mapId: null,
  view: null,
  receivedAt: 0,
  open: false,
  error: null,
  show: () => set({ open: true }),
  close: () => set({ open: false }),
}));

/** Takes a server answer unless an older one arrives after a newer (answers race with the long poll). */
function take(mapId: string, view: WorkshopView): void {
  const cur = useWorkshop.getState();
  if (cur.mapId !== mapId) return;
  if (cur.view && view.version < cur.view.version) return;
  const started = !cur.view?.session && view.session !== null && cur.view !== null;
  useWorkshop.setState({ view, receivedAt: performance.now(), ...(started ? { open: true } : {}) });
}

/**
 * Runs one workshop action and takes its answer; a refusal lands in `error` (the panel shows it)
 * and is returned as false.
 */
export async function act(run: (mapId: string) => Promise<WorkshopView>): Promise<boolean> {
  const mapId = useWorkshop.getState().mapId;
  if (!mapId) return false;
  try {
    take(mapId, await run(mapId));
    useWorkshop.setState({ error: null });
    return true;
  } catch (e) {
    useWorkshop.setState({ error: (e as Error).message });
    return false;
  }
}

/**
 * Follows the map's workshop live (long polling, 25 s per request, backing off on errors) until
 * the returned function is called. A session starting while the map is open opens the panel.
 */
export function followWorkshop(mapId: string): () => void {
  let stopped = false;
  if (useWorkshop.getState().mapId !== mapId)
    useWorkshop.setState({ mapId, view: null, open: false, error: null });
  const loop = async () => {
    let backoff = 2000;
    let first = true;
    while (!stopped) {
      const since = useWorkshop.getState().view?.version ?? 0;
      try {
        const v = await workshopApi.get(mapId, since, first ? 0 : 25);
        first = false;
        backoff = 2000;
        if (!stopped) take(mapId, v);
      } catch {
        await new Promise((r) => setTimeout(r, backoff));
        backoff = Math.min(backoff * 2, 30_000);
      }
    }
  };
  void loop();
  return () => {
    stopped = true;
  };
}
