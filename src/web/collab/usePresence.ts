import { useStore } from "zustand";
import { createStore } from "zustand/vanilla";
import { useSession } from "../editor/session-context.ts";
import { LiveMapSession } from "../state/live-session.ts";
import type { PresenceState, PresenceStore } from "../state/presence.ts";

const NOBODY = createStore<PresenceState>(() => ({
  me: { name: "", color: "#868e96" },
  others: [],
  following: null,
}));

/** The open map's presence store, or null when the map is not edited live. */
export function usePresenceStore(): PresenceStore | null {
  const session = useSession();
  return session instanceof LiveMapSession ? session.presence : null;
}

/** A slice of the presence state (empty when the map is not live). */
export function usePresence<T>(selector: (s: PresenceState) => T): T {
  const store = usePresenceStore();
  return useStore(store ?? NOBODY, selector);
}
