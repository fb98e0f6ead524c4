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
  /** The part of the map they see, or null when their editor does not say (CLI, bots). */
  view: Viewport | null;
}

/**
 * The visible region of an editor's map canvas, in map coordinates (CSS pixels at zoom 1, from the
 * grid's top-left corner), and the zoom it is shown at.
 */
export interface Viewport {
  x: number;
  y: number;
  width: number;
  height: number;
  zoom: number;
}

/** Who else is here, who I am, and whose view mine follows. */
export interface PresenceState {
  me: { name: string; color: string };
  others: Collaborator[];
  /** Client id of the collaborator whose viewport mine tracks, or null. */
  following: number | null;
}

/** The presence of one live session. */
export type PresenceStore = StoreApi<PresenceState> & {
  destroy(): void;
  rename(name: string): void;
  /** Publishes the part of the map I see (callers throttle; see useViewportSync). */
  setView(view: Viewport): void;
  /** Makes my view track `clientId`'s (null stops); stops by itself when they leave. */
  follow(clientId: number | null): void;
};

/** Largest coordinate accepted from a collaborator (a 5,000-card map is far smaller). */
const MAX_COORD = 10_000_000;
const finite = (v: unknown, min: number, max: number): v is number =>
  typeof v === "number" && Number.isFinite(v) && v >= min && v <= max;

/** A collaborator's viewport if every field is a sane number, else null (awareness is untrusted). */
export function viewportOf(v: unknown): Viewport | null {
  if (!v || typeof v !== "object") return null;
  const { x, y, width, height, zoom } = v as Record<string, unknown>;
  if (!finite(x, 0, MAX_COORD) || !finite(y, 0, MAX_COORD)) return null;
  if (!finite(width, 1, MAX_COORD) || !finite(height, 1, MAX_COORD) || !finite(zoom, 0.05, 20)) return null;
  return { x, y, width, height, zoom };
}

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
  view?: unknown;
}

function collaboratorOf(clientId: number, s: AwarenessState): Collaborator | null {
  const name = typeof s.user?.name === "string" ? s.user.name.slice(0, 60) : null;
  if (!name) return null;
  const color =
    typeof s.user?.color === "string" && /^#[0-9a-f]{6}$/i.test(s.user.color) ? s.user.color : "#868e96";
  const cardId = typeof s.focus?.cardId === "string" ? s.focus.cardId : null;
  return { clientId, name, color, cardId, typing: s.focus?.typing === true, view: viewportOf(s.view) };
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
  const store = createStore<PresenceState>(() => ({
    me: user,
    others: [],
    following: null,
  })) as PresenceStore;
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
    const { following } = store.getState();
    const stillHere = following !== null && others.some((o) => o.clientId === following);
    store.setState({ others, following: stillHere ? following : null });
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
  store.setView = (view: Viewport) => awareness?.setLocalStateField("view", view);
  store.follow = (clientId: number | null) => {
    const here = clientId !== null && store.getState().others.some((o) => o.clientId === clientId);
    store.setState({ following: here ? clientId : null });
  };
  store.destroy = () => {
    unsubscribe();
    awareness?.off("change", readOthers);
  };
  return store;
}
