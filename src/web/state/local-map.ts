import * as Y from "yjs";
import {
  applyCommands,
  createsEntity,
  fromYDoc,
  invertCommand,
  type JourneyMap,
  type MapCommand,
  newId,
  roots,
  toYDoc,
} from "../../domain/index.ts";
import { fastPatch } from "./fast-patch.ts";
import { reconcile } from "./reconcile.ts";

/** A command batch applied locally and the batch that undoes it. */
export interface Applied {
  map: JourneyMap;
  inverse: MapCommand[];
}

/**
 * The editor's optimistic copy of a map: the same Yjs document and the same `applyCommands` the
 * server runs, so the screen shows exactly what the server will store. New entities get their ids
 * here (`id` is filled into add commands) so undo and later commands can name them.
 */
export class LocalMap {
  private doc: Y.Doc;
  map: JourneyMap;
  /** Commands already shown through `fastPatch`, not yet run on the document. */
  private deferred: MapCommand[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Called when deferred commands failed on the document (the map was reset to the document). */
  onDeferredError: (e: unknown) => void = () => {};
  /** Called after deferred commands ran, changed or not (the map may have been refined by the document). */
  onSettled: (map: JourneyMap) => void = () => {};

  /** Transaction origin of this editor's own edits (the live session's undo scope). */
  private readonly origin: unknown;
  /** True while this class runs commands on the document (its own updates). */
  private applying = false;
  /**
   * True when the document changed from elsewhere (collaborators, undo, IndexedDB) since `map` was
   * last read from it: only then must settling re-read the whole document.
   */
  private stale = false;
  /** How many times the whole document was read into `map` (the cost an edit should not pay). */
  fullReads = 0;
  private readonly onUpdate = () => {
    if (!this.applying) this.stale = true;
  };

  /** A copy of `map`, or (live editing) the map held by `opts.doc`, edited with `opts.origin`. */
  constructor(map: JourneyMap, opts: { doc?: Y.Doc; origin?: unknown } = {}) {
    this.map = map;
    this.doc = opts.doc ?? toYDoc(map);
    this.doc.on("update", this.onUpdate);
    this.origin = opts.origin;
  }

  /** True while fast-patched commands wait to run on the document (they are not saved yet). */
  get hasDeferred(): boolean {
    return this.deferred.length > 0;
  }

  /** Re-reads the map from the document after changes made to it from elsewhere (collaborators, undo). */
  refresh(): JourneyMap {
    this.settle();
    this.readAll();
    return this.map;
  }

  /** Replaces the state by a map from the server, keeping unchanged objects (for memoised views). */
  reset(map: JourneyMap): JourneyMap {
    this.cancelDeferred();
    this.doc.off("update", this.onUpdate);
    this.doc = toYDoc(map);
    this.doc.on("update", this.onUpdate);
    this.stale = false;
    this.map = reconcile(this.map, map);
    return this.map;
  }

  /** The whole map read again from the document, sharing every unchanged object with the last. */
  private readAll(): void {
    this.fullReads++;
    this.stale = false;
    this.map = reconcile(this.map, fromYDoc(this.doc, { validate: false }));
  }

  /** `applyCommands` on the document, as this editor's own update. */
  private run(commands: readonly MapCommand[]): void {
    this.applying = true;
    try {
      applyCommands(this.doc, commands, this.origin === undefined ? {} : { origin: this.origin });
    } finally {
      this.applying = false;
    }
  }

  /** Applies a batch (all or nothing; throws WaylineError); returns the new map and its inverse. */
  apply(commands: readonly MapCommand[]): Applied & { commands: MapCommand[] } {
    const filled = commands.map(withId);
    const inverse: MapCommand[] = [];
    let before = this.map;
    const fast = filled.length === 1 ? fastPatch(before, filled[0] as MapCommand) : null;
    if (fast) {
      inverse.push(...invertCommand(before, filled[0] as MapCommand));
      this.map = fast;
      this.deferred.push(...filled);
      this.timer ??= setTimeout(() => this.settle(), DEFER_MS);
      return { map: this.map, inverse, commands: filled };
    }
    this.settle();
    before = this.map;
    if (filled.length === 1) {
      this.run(filled);
      inverse.push(...invertCommand(before, filled[0] as MapCommand));
    } else {
      // Each inverse needs the state right before its command: apply one by one on a scratch copy.
      const scratch = new Y.Doc();
      Y.applyUpdate(scratch, Y.encodeStateAsUpdate(this.doc));
      for (const c of filled) {
        applyCommands(scratch, [c]);
        inverse.unshift(...invertCommand(before, c));
        before = fromYDoc(scratch, { validate: false });
      }
      this.run(filled);
    }
    this.readAll();
    return { map: this.map, inverse, commands: filled };
  }

  /**
   * Runs the deferred commands on the document now (before any other change or a rebase). The map
   * already shows them (`patchPlain` equals the command path, domain/commands/patch-plain.test.ts):
   * unless the document changed from elsewhere meanwhile, only the time stamp the batch wrote is
   * read back, not the whole map.
   */
  settle(): void {
    this.cancelTimer();
    if (!this.deferred.length) return;
    const batch = this.deferred.splice(0);
    const stale = this.stale;
    try {
      this.run(batch);
    } catch (e) {
      this.readAll();
      this.onDeferredError(e);
      return;
    }
    if (stale) this.readAll();
    else this.map = { ...this.map, updatedAt: roots(this.doc).meta.get("updatedAt") as string };
    this.onSettled(this.map);
  }

  private cancelTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private cancelDeferred(): void {
    this.cancelTimer();
    this.deferred = [];
  }
}

/** Idle time before fast-patched commands run on the document (coalesces bursts of edits). */
const DEFER_MS = 250;

/** The command with a client-made id when it creates an entity without one. */
function withId(c: MapCommand): MapCommand {
  if (createsEntity(c) && !(c as { id?: string }).id) return { ...c, id: newId() } as MapCommand;
  return c;
}
