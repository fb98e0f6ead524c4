import { createStore, type StoreApi } from "zustand/vanilla";
import type { HealthReportView, InsightsView } from "../../contract/analysis.ts";
import { analysisApi } from "../api/analysis.ts";
import type { MapSession } from "../state/session.ts";

/** Health report and insights of the open map, as last fetched. */
export interface AnalysisState {
  /** The health report, null until loaded. */
  health: HealthReportView | null;
  /** Patterns, moments of truth, pain points, null until loaded. */
  insights: InsightsView | null;
  /** Server version the results were computed on (−1 before the first fetch). */
  version: number;
  /** True while a fetch is under way. */
  loading: boolean;
  /** Message of the last failed fetch, null when fine. */
  error: string | null;
}

/** The calls the store makes (injectable for tests). */
export type AnalysisClient = Pick<typeof analysisApi, "check" | "insights">;

/** Wait after a save before re-running the analysis, so a burst of edits costs one request. */
const SETTLE_MS = 400;

/**
 * Keeps the analysis of a session's map fresh: fetches once, then again whenever the map is saved
 * at a new server version. Analysis is computed by the server so the UI, API and CLI agree.
 */
export function createAnalysisStore(session: MapSession, client: AnalysisClient = analysisApi) {
  const store: StoreApi<AnalysisState> = createStore<AnalysisState>(() => ({
    health: null,
    insights: null,
    version: -1,
    loading: false,
    error: null,
  }));
  let timer: ReturnType<typeof setTimeout> | null = null;
  const refresh = async () => {
    const version = session.serverVersion;
    const id = session.store.getState().map.id;
    store.setState({ loading: true });
    try {
      const [health, insights] = await Promise.all([client.check(id), client.insights(id)]);
      store.setState({ health, insights, version, loading: false, error: null });
    } catch (e) {
      store.setState({ loading: false, error: (e as Error).message });
    }
  };
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void refresh();
    }, SETTLE_MS);
  };
  const unsubscribe = session.store.subscribe((s) => {
    if (s.save === "saved" && session.serverVersion !== store.getState().version) schedule();
  });
  void refresh();
  return {
    store,
    refresh,
    dispose: () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
    },
  };
}

/** An analysis store bound to a session. */
export type AnalysisHandle = ReturnType<typeof createAnalysisStore>;

const handles = new WeakMap<MapSession, AnalysisHandle>();

/** The one analysis store of a session (created on first use, shared by panel and markers). */
export function analysisOf(session: MapSession): AnalysisHandle {
  let h = handles.get(session);
  if (!h) {
    h = createAnalysisStore(session);
    handles.set(session, h);
  }
  return h;
}
