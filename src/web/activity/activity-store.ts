import { create } from "zustand";

/** Whether the editor's Activity panel is open. */
export const useActivityPanel = create<{ open: boolean; show(): void; close(): void }>((set) => ({
  open: false,
  show: () => set({ open: true }),
  close: () => set({ open: false }),
}));
