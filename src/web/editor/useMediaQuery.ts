import { useSyncExternalStore } from "react";

/** Phones: the map header folds into title, presence, comments and the "More tools" menu. */
export const PHONE_QUERY = "(max-width: 599px)";

/** Whether the media query matches now; re-renders when that changes (window resized, rotated). */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (changed) => {
      const m = window.matchMedia?.(query);
      m?.addEventListener("change", changed);
      return () => m?.removeEventListener("change", changed);
    },
    () => window.matchMedia?.(query).matches ?? false,
    () => false,
  );
}
