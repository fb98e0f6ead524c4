import * as Y from "yjs";
import type { ChangeRecord, StoredJourney } from "../storage/journeys.ts";
import type { Repositories, UnitOfWork } from "../storage/store.ts";

/**
 * An edit of a stored map, run inside the transaction that holds its row: it changes `doc` (the
 * stored document, merged with the live one when the map is open) and may read other rows
 * through `repos` (e.g. the writes since a base version). Throwing stores nothing.
 */
export type LockedEdit<T> = (
  doc: Y.Doc,
  current: StoredJourney,
  repos: Repositories,
) => Promise<{ change: ChangeRecord; result: T }>;

/** Where edits of existing maps are made: the rows, or the live documents of the collaboration server. */
export interface MapWriter {
  /** Runs `edit` and stores the result as the next version; null when the map does not exist. */
  edit<T>(ws: string, id: string, edit: LockedEdit<T>): Promise<{ stored: StoredJourney; result: T } | null>;
  /**
   * The map as it is live right now (edits not yet stored included) merged with what is stored
   * (also by other processes), `version` = last stored; or null when it is not open here (then the
   * row holds everything stored anywhere).
   */
  live?(ws: string, id: string): Promise<StoredJourney | null>;
}

/** Edits in the rows: lock, decode, edit, save the next version — all in one transaction. */
export function rowWriter(store: UnitOfWork): MapWriter {
  return {
    edit: (ws, id, edit) =>
      store.transaction(async (repos) => {
        const current = await repos.journeys.getForUpdate(ws, id);
        if (!current) return null;
        const doc = new Y.Doc();
        Y.applyUpdate(doc, current.state);
        const { change, result } = await edit(doc, current, repos);
        return { stored: await repos.journeys.saveVersion(ws, id, doc, current.version, change), result };
      }),
  };
}
