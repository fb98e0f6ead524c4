import { createStore, type StoreApi } from "zustand/vanilla";
import type { JourneyMap, Persona } from "../../domain/index.ts";

/** Where the editor's changes stand relative to the server. */
export type SaveState = "saved" | "saving" | "error";

/** UI state of one open map (the map itself is the optimistic local copy). */
export interface EditorState {
  /** The map as the user sees it (server state + pending local commands). */
  map: JourneyMap;
  /** Personas attached to the map, as last loaded. */
  personas: Persona[];
  /** Autosave state. */
  save: SaveState;
  /** Human explanation of the save state (error message, retry time). */
  saveMessage: string;
  /** Message shown after a conflict or a rejected change; null when none. */
  notice: { title: string; lines: string[] } | null;
  /** Whether undo / redo have something to do. */
  canUndo: boolean;
  canRedo: boolean;
  /** Card open in the side panel. */
  selectedCardId: string | null;
  /** Which side panel is open. */
  panel: "card" | "personas" | "scale" | "analysis" | "data" | null;
  /** The stage, lane, phase or card whose inline editor is open (e.g. right after adding it). */
  editing: { kind: "stage" | "lane" | "card" | "phase"; id: string } | null;
}

export type EditorStore = StoreApi<EditorState>;

/** A fresh store for a loaded map. */
export function createEditorStore(map: JourneyMap, personas: Persona[]): EditorStore {
  return createStore<EditorState>(() => ({
    map,
    personas,
    save: "saved",
    saveMessage: "",
    notice: null,
    canUndo: false,
    canRedo: false,
    selectedCardId: null,
    panel: null,
    editing: null,
  }));
}
