import { createContext, useContext } from "react";
import { useStore } from "zustand";
import type { EditorState } from "../state/editor-store.ts";
import type { MapSession } from "../state/session.ts";

/** The open map's session, provided by the editor page. */
export const SessionContext = createContext<MapSession | null>(null);

/** The open map's session (commands, undo/redo, autosave). */
export function useSession(): MapSession {
  const s = useContext(SessionContext);
  if (!s) throw new Error("useSession outside of the editor");
  return s;
}

/** A slice of the editor state; the component re-renders only when the slice changes. */
export function useEditor<T>(selector: (s: EditorState) => T): T {
  return useStore(useSession().store, selector);
}
