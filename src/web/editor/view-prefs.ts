import { create } from "zustand";

/** Zoom limits of the map (fractions of 100 %). */
export const MIN_ZOOM = 0.5;
export const MAX_ZOOM = 1.5;
const STEP = 0.1;
const KEY = "wayline.mapView";

/** How the map is drawn for this browser: zoom and card density (not part of the map). */
export interface ViewPrefs {
  zoom: number;
  density: "comfortable" | "compact";
  setZoom: (z: number) => void;
  zoomBy: (steps: number) => void;
  setDensity: (d: ViewPrefs["density"]) => void;
}

/** Clamps and rounds a zoom to whole percent within MIN_ZOOM…MAX_ZOOM. */
export const clampZoom = (z: number) => Math.round(Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, z)) * 100) / 100;

function load(): Pick<ViewPrefs, "zoom" | "density"> {
  try {
    const v = JSON.parse(localStorage.getItem(KEY) ?? "{}") as { zoom?: unknown; density?: unknown };
    return {
      zoom: typeof v.zoom === "number" && Number.isFinite(v.zoom) ? clampZoom(v.zoom) : 1,
      density: v.density === "compact" ? "compact" : "comfortable",
    };
  } catch {
    return { zoom: 1, density: "comfortable" };
  }
}

function save(p: Pick<ViewPrefs, "zoom" | "density">): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(p));
  } catch {
    // Storage full or disabled: the preference lasts for this page only.
  }
}

/** The map view preferences, remembered in this browser. */
export const useViewPrefs = create<ViewPrefs>((set, get) => ({
  ...load(),
  setZoom: (z) => {
    set({ zoom: clampZoom(z) });
    save(get());
  },
  zoomBy: (steps) => get().setZoom(get().zoom + steps * STEP),
  setDensity: (density) => {
    set({ density });
    save(get());
  },
}));
