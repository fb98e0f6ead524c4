import { create } from "zustand";
import type { SurveyResults } from "../../domain/journey-data/index.ts";

/** Survey results of the open map, shared by the surveys view and the emotion-lane overlay. */
export interface SurveyOverlayState {
  /** Map the results belong to. */
  mapId: string | null;
  /** Latest per-stage results, null before they are loaded. */
  results: SurveyResults | null;
  /** Whether the data-backed emotion curve is drawn in the emotion lane (opt-in). */
  visible: boolean;
}

/** The survey overlay store (UI-only state). */
export const useSurveyOverlay = create<SurveyOverlayState>(() => ({
  mapId: null,
  results: null,
  visible: false,
}));
