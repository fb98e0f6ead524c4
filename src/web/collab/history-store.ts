import { create } from "zustand";

/** Whether the history panel is open (UI only). */
export const useHistoryOpen = create<{ open: boolean; toggle(): void; close(): void }>((set) => ({
  open: false,
  toggle: () => set((s) => ({ open: !s.open })),
  close: () => set({ open: false }),
}));
