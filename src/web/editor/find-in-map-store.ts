import { create } from "zustand";

interface FindState {
  /** Whether the "Find in map" bar is shown. */
  open: boolean;
  /** Bumped on every request to open, so an open bar takes focus again (Ctrl+F twice). */
  asked: number;
  /** Opens the bar (or focuses it when open). */
  show(): void;
  close(): void;
}

/** UI state of "Find in map" (one per page: the editor shows one map at a time). */
export const useFindInMap = create<FindState>((set) => ({
  open: false,
  asked: 0,
  show: () => set((s) => ({ open: true, asked: s.asked + 1 })),
  close: () => set({ open: false }),
}));
