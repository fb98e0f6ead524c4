import { create } from "zustand";

/** On phones the map header shows the title only; "Map details" in the More menu unfolds the rest. */
export const useMapHeaderDetails = create<{ open: boolean; toggle(): void }>((set) => ({
  open: false,
  toggle: () => set((s) => ({ open: !s.open })),
}));
