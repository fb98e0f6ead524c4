import { create } from "zustand";

/** Whether the review panel is open, and a review to highlight (from the inbox). */
export const useReviewPanel = create<{
  open: boolean;
  focus: string | null;
  show(focus?: string | null): void;
  close(): void;
}>((set) => ({
  open: false,
  focus: null,
  show: (focus = null) => set({ open: true, focus }),
  close: () => set({ open: false, focus: null }),
}));
