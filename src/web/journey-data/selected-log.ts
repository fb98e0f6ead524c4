import { useSyncExternalStore } from "react";

const KEY = "wayline.dataLog";
const listeners = new Set<() => void>();

const read = (): string | null => {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
};

/** Chooses the log the Data tab and the map's data panel work on (remembered in this browser). */
export function selectLog(id: string | null): void {
  try {
    if (id) localStorage.setItem(KEY, id);
    else localStorage.removeItem(KEY);
  } catch {
    // storage disabled: the choice lasts for this page only
  }
  for (const l of listeners) l();
}

/** The chosen log id, or null. */
export function useSelectedLog(): string | null {
  return useSyncExternalStore(
    (cb) => {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    read,
    () => null,
  );
}
