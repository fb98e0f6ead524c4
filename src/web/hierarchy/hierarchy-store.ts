import { create } from "zustand";
import { atlasApi, type HierarchyView } from "../atlas/atlas-api.ts";

/** The hierarchy of the map open in the editor, shared by its stage headers and breadcrumb. */
interface HierarchyState {
  /** Map the report belongs to. */
  mapId: string | null;
  report: HierarchyView | null;
  /** Stage whose "Link sub-journey…" dialog is open. */
  linkingStageId: string | null;
  /** (Re)loads the report of a map; an older answer never overwrites a newer one. */
  load(mapId: string): Promise<void>;
  openLink(stageId: string | null): void;
}

let seq = 0;

export const useHierarchy = create<HierarchyState>((set) => ({
  mapId: null,
  report: null,
  linkingStageId: null,
  async load(mapId) {
    const mine = ++seq;
    set((s) => (s.mapId === mapId ? {} : { mapId, report: null }));
    try {
      const report = await atlasApi.hierarchy(mapId);
      if (mine === seq) set({ mapId, report });
    } catch {
      if (mine === seq) set({ mapId, report: null });
    }
  },
  openLink: (stageId) => set({ linkingStageId: stageId }),
}));
