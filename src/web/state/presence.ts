import type { HocuspocusProvider } from "@hocuspocus/provider";
import { createStore, type StoreApi } from "zustand/vanilla";
import type { EditorStore } from "./editor-store.ts";

/** Someone else on the map, as their awareness state says. */
export interface Collaborator {
  /** Yjs client id of their editor. */
  clientId: number;
  name: string;
  color: string;
  /** Card they selected or are typing in, if any. */
  cardId: string | null;
  /** True while they type in that card. */
  typing: boolean;
}

/** Who else is here, and who I am. */
export interface PresenceState {
  me: { name: string; color: string };
  others: Collaborator[];
}

/** The presence of one live session. */
export type PresenceStore = StoreApi<PresenceState> & { destroy(): void; rename(name: string): void };

/** Colours that stay readable as outlines on light and dark cards. */
export const PRESENCE_COLORS = [
  "#c2410c",
  "#1971c2",
  "#2f9e44",
  "#9c36b5",
  "#e8590c",
  "#0b7285",
  "#c2255c",
  "#5f3dc4",
];

const NAME_KEY = "wayline.collab.name";

/** This browser's display name (remembered), or a new "Guest NN". */
export function defaultUser(): { name: string; color: string } {
  let name: string | null = null;
  try {
    name = localStorage.getItem(NAME_KEY);
  } catch {}
  name ||= `Guest ${Math.floor(10 + Math.random() * 90)}`;
  const color = PRESENCE_COLORS[Math.floor(Math.random() * PRESENCE_COLORS.length)] ?? "#1971c2";
  return { name, color };
}

interface AwarenessState {
  user?: { name?: unknown; color?: unknown };
  focus?: { cardId?: unknown; typing?: unknown };
}

function collaboratorOf(clientId: number, s: AwarenessState): Collaborator | null {
  const name = typeof s.user?.name === "string" ? s.user.name.slice(0, 60) : null;
  if (!name) return null;
  const color =
    typeof s.user?.color === "string" && /^#[0-9a-f]{6}$/i.test(s.user.color) ? s.user.color : "#868e96";
  const cardId = typeof s.focus?.cardId === "string" ? s.focus.cardId : null;
  return { clientId, name, color, cardId, typing: s.focus?.typing === true };
}

/**
 * Publishes my name, colour and focused card through the provider's awareness and keeps the list
 * of the others. Everything read from others is checked: awareness is whatever a client sends.
 */
export function createPresence(
  provider: HocuspocusProvider,
  editor: EditorStore,
  user: { name: string; color: string } = defaultUser(),
): PresenceStore {
  const awareness = provider.awareness;
  const store = createStore<PresenceState>(() => ({ me: user, others: [] })) as PresenceStore;
  const focusOf = () => {
    const s = editor.getState();
    const typing = s.editing?.kind === "card" ? s.editing.id : null;
    return { cardId: typing ?? s.selectedCardId, typing: !!typing };
  };
  awareness?.setLocalState({ user, focus: focusOf() });
  const readOthers = () => {
    const others: Collaborator[] = [];
    awareness?.getStates().forEach((state, clientId) => {
      if (clientId === awareness.clientID) return;
      const c = collaboratorOf(clientId, state as AwarenessState);
      if (c) others.push(c);
    });
    store.setState({ others });
  };
  awareness?.on("change", readOthers);
  const unsubscribe = editor.subscribe((s, prev) => {
    if (s.editing !== prev.editing || s.selectedCardId !== prev.selectedCardId)
      awareness?.setLocalStateField("focus", focusOf());
  });
  store.rename = (name: string) => {
    const me = { ...store.getState().me, name: name.trim().slice(0, 60) || store.getState().me.name };
    try {
      localStorage.setItem(NAME_KEY, me.name);
    } catch {}
    store.setState({ me });
    awareness?.setLocalStateField("user", me);
  };
  store.destroy = () => {
    unsubscribe();
    awareness?.off("change", readOthers);
  };
  return store;
}
