import { useStore } from "zustand";
import { useSession } from "../editor/session-context.ts";
import { type AnalysisState, analysisOf } from "./analysis-store.ts";

/** A slice of the open map's analysis (health report, insights), refreshed after each save. */
export function useAnalysis<T>(selector: (s: AnalysisState) => T): T {
  return useStore(analysisOf(useSession()).store, selector);
}

/** Re-runs the analysis now. */
export function useRefreshAnalysis(): () => void {
  const h = analysisOf(useSession());
  return () => void h.refresh();
}
