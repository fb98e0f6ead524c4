import type { MapCommand } from "../../domain/index.ts";

/** One undoable user action as commands: what it did and the batch that takes it back. */
export interface UndoEntry {
  commands: MapCommand[];
  inverse: MapCommand[];
}

/** At most this many actions are kept per map and user, and at most this many characters of JSON. */
export const MAX_UNDO_ENTRIES = 100;
export const MAX_UNDO_CHARS = 400_000;

/**
 * A user's undo history of one map kept in the browser's storage (`wayline.undo.<map>.<user>`), so
 * Undo still works after a reload. Entries whose inverse no longer applies are dropped by the
 * session when it meets them. Storage errors (full, disabled) only shorten the history.
 */
export class PersistedUndo {
  private entries: UndoEntry[];
  private readonly key: string;

  constructor(
    mapId: string,
    user: string,
    private readonly storage: Pick<Storage, "getItem" | "setItem" | "removeItem"> | null,
  ) {
    this.key = `wayline.undo.${mapId}.${user}`;
    this.entries = this.read();
  }

  /** Number of actions that can be undone from storage. */
  get size(): number {
    return this.entries.length;
  }

  push(e: UndoEntry): void {
    this.entries.push(e);
    if (this.entries.length > MAX_UNDO_ENTRIES)
      this.entries.splice(0, this.entries.length - MAX_UNDO_ENTRIES);
    this.write();
  }

  pop(): UndoEntry | undefined {
    const e = this.entries.pop();
    this.write();
    return e;
  }

  clear(): void {
    this.entries = [];
    try {
      this.storage?.removeItem(this.key);
    } catch {
      // Nothing stored to forget.
    }
  }

  private read(): UndoEntry[] {
    try {
      const raw = this.storage?.getItem(this.key);
      const v = raw ? (JSON.parse(raw) as unknown) : [];
      return Array.isArray(v)
        ? v.filter((e): e is UndoEntry => Array.isArray(e?.commands) && Array.isArray(e?.inverse))
        : [];
    } catch {
      return [];
    }
  }

  private write(): void {
    if (!this.storage) return;
    let json = JSON.stringify(this.entries);
    while (json.length > MAX_UNDO_CHARS && this.entries.length) {
      this.entries.shift();
      json = JSON.stringify(this.entries);
    }
    try {
      this.storage.setItem(this.key, json);
    } catch {
      // Storage full or disabled: the history lasts for this page only.
    }
  }
}
