import type { MapView } from "../../contract/journeys.ts";
import { type JourneyMap, type MapCommand, WaylineError } from "../../domain/index.ts";
import { ApiError, api } from "../api/client.ts";
import { describeCommand } from "./describe.ts";
import { createEditorStore, type EditorStore } from "./editor-store.ts";
import { LocalMap } from "./local-map.ts";

interface HistoryEntry {
  commands: MapCommand[];
  inverse: MapCommand[];
}

/** The server calls a session needs (injectable for tests). */
export type SessionApi = Pick<typeof api, "applyCommands" | "getJourney">;

const stripView = (v: MapView): JourneyMap => {
  const { personas: _p, version: _v, created: _c, ...map } = v as MapView & { created?: unknown };
  return map as JourneyMap;
};

/**
 * One open map: applies the user's commands locally at once, keeps undo/redo, and autosaves
 * through `POST /api/journeys/:id/commands` with the last server version as `baseVersion`.
 * On 409 it reloads the map, re-applies the pending commands that still apply and tells the user
 * what could not be kept (with the text it carried, so nothing typed is lost).
 */
export class MapSession {
  readonly store: EditorStore;
  protected local: LocalMap;
  private version: number;
  private pending: MapCommand[] = [];
  private inflight: MapCommand[] | null = null;
  private undoStack: HistoryEntry[] = [];
  private redoStack: HistoryEntry[] = [];
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private flushScheduled = false;
  private retryDelay = 1000;
  private idleWaiters: (() => void)[] = [];

  /** `local`: the local copy when the caller has one (a live session's document), else one made from `view`. */
  constructor(
    view: MapView,
    private readonly client: SessionApi = api,
    local?: LocalMap,
  ) {
    this.local = local ?? new LocalMap(stripView(view));
    this.version = view.version;
    this.store = createEditorStore(this.local.map, view.personas);
    this.local.onSettled = () => this.publish();
    this.local.onDeferredError = (e) => {
      this.store.setState({ notice: { title: "That change could not be made", lines: [messageOf(e)] } });
      this.publish();
    };
  }

  /** Server version the local state is based on. */
  get serverVersion(): number {
    return this.version;
  }

  /** Applies commands as one undoable user action. Returns false (and shows why) when invalid. */
  dispatch(commands: MapCommand[], record = true): boolean {
    let applied: ReturnType<LocalMap["apply"]>;
    try {
      applied = this.local.apply(commands);
    } catch (e) {
      this.store.setState({ notice: { title: "That change could not be made", lines: [messageOf(e)] } });
      return false;
    }
    if (record) {
      this.undoStack.push({ commands: applied.commands, inverse: applied.inverse });
      if (this.undoStack.length > 200) this.undoStack.shift();
      this.redoStack = [];
    }
    this.pending.push(...applied.commands);
    this.publish();
    this.scheduleFlush();
    return true;
  }

  undo(): void {
    this.step(this.undoStack, this.redoStack);
  }

  redo(): void {
    this.step(this.redoStack, this.undoStack);
  }

  private step(from: HistoryEntry[], to: HistoryEntry[]): void {
    const entry = from.pop();
    if (!entry) return;
    try {
      const applied = this.local.apply(entry.inverse);
      to.push({ commands: applied.commands, inverse: applied.inverse });
      this.pending.push(...applied.commands);
    } catch (e) {
      this.store.setState({ notice: { title: "Nothing to undo there any more", lines: [messageOf(e)] } });
    }
    this.publish();
    this.scheduleFlush();
  }

  /**
   * Takes a newer server state of the map made outside the editor's commands (e.g. KPIs filled
   * from data) and re-applies the pending edits on top. Call after `whenIdle()`.
   */
  adopt(view: MapView): void {
    if (view.version <= this.version || this.inflight) return;
    this.version = view.version;
    this.rebase(view, this.pending.splice(0));
    this.store.setState({ personas: view.personas });
    this.publish();
    this.flush();
  }

  /** Resolves when every change is saved (or failed for good). */
  whenIdle(): Promise<void> {
    if (!this.inflight && this.pending.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Closes the notice banner. */
  dismissNotice(): void {
    this.store.setState({ notice: null });
  }

  /**
   * Sends pending edits after the frame that shows them has been painted, so neither the request
   * nor the "Saving…" state lands in the input's frame (keystrokes in between join one batch).
   * A timer backs up the animation frame, which hidden tabs never get.
   */
  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    const run = () => {
      if (!this.flushScheduled) return;
      this.flushScheduled = false;
      this.flush();
    };
    if (typeof requestAnimationFrame === "function") requestAnimationFrame(() => setTimeout(run, 0));
    setTimeout(run, 100);
  }

  /** Sends pending commands when nothing is in flight. */
  flush(): void {
    if (this.inflight || this.pending.length === 0 || this.retryTimer) return;
    const batch = this.pending.splice(0, 500);
    this.inflight = batch;
    this.store.setState({ save: "saving", saveMessage: "" });
    this.client.applyCommands(this.local.map.id, this.version, batch).then(
      (res) => this.saved(res),
      (e) => this.failed(batch, e),
    );
  }

  private saved(res: MapView): void {
    const expected = this.version + 1;
    this.version = res.version;
    this.inflight = null;
    this.retryDelay = 1000;
    if (res.version !== expected) {
      // Someone else saved in between (without touching what we changed): show their edits too.
      this.rebase(res, this.pending.splice(0));
    }
    this.store.setState({ personas: res.personas });
    this.publish();
    this.afterSend();
  }

  private failed(batch: MapCommand[], e: unknown): void {
    this.inflight = null;
    const err = e instanceof ApiError ? e : new ApiError(0, "network", messageOf(e));
    if (err.code === "conflict") {
      void this.resolveConflict([...batch, ...this.pending.splice(0)]);
      return;
    }
    if (err.status === 0 || err.status >= 500) {
      this.pending.unshift(...batch);
      const wait = this.retryDelay;
      this.retryDelay = Math.min(this.retryDelay * 2, 30_000);
      this.store.setState({
        save: "error",
        saveMessage: `${err.message}; retrying in ${Math.round(wait / 1000)} s`,
      });
      this.retryTimer = setTimeout(() => {
        this.retryTimer = null;
        this.flush();
      }, wait);
      return;
    }
    // The server refused the batch: reload its state and say what was refused.
    void this.resolveConflict([...batch, ...this.pending.splice(0)], err.message);
  }

  private async resolveConflict(mine: MapCommand[], refusal?: string): Promise<void> {
    this.inflight = [];
    let fresh: MapView;
    try {
      fresh = await this.client.getJourney(this.local.map.id);
    } catch (e) {
      this.inflight = null;
      this.pending.unshift(...mine);
      this.store.setState({ save: "error", saveMessage: `could not reload the map: ${messageOf(e)}` });
      this.retryTimer = setTimeout(() => {
        this.retryTimer = null;
        this.flush();
      }, 3000);
      return;
    }
    this.inflight = null;
    this.version = fresh.version;
    const dropped = this.rebase(fresh, mine);
    this.undoStack = [];
    this.redoStack = [];
    const kept = mine.length - dropped.length;
    const title = refusal
      ? `The server refused a change (${refusal}). The map was reloaded.`
      : "Someone else changed this map at the same time. Wayline reloaded it and re-applied your changes.";
    const lines = [`${kept} of your ${mine.length} pending changes were re-applied.`];
    if (dropped.length) lines.push("These could not be applied any more — copy anything you still need:");
    lines.push(...dropped.map(describeCommand));
    this.store.setState({ notice: { title, lines }, personas: fresh.personas });
    this.publish();
    this.flush();
    this.afterSend();
  }

  /** Resets the local state to a server map and re-applies `mine` one by one; returns what failed. */
  private rebase(view: MapView, mine: MapCommand[]): MapCommand[] {
    this.local.reset(stripView(view));
    const dropped: MapCommand[] = [];
    for (const c of mine) {
      try {
        this.local.apply([c]);
        this.pending.push(c);
      } catch (e) {
        if (!(e instanceof WaylineError)) throw e;
        dropped.push(c);
      }
    }
    return dropped;
  }

  private afterSend(): void {
    if (this.pending.length) {
      this.flush();
      return;
    }
    if (!this.inflight) {
      this.store.setState({ save: "saved", saveMessage: "" });
      for (const w of this.idleWaiters.splice(0)) w();
    }
  }

  protected publish(): void {
    this.store.setState({
      map: this.local.map,
      canUndo: this.undoStack.length > 0,
      canRedo: this.redoStack.length > 0,
    });
  }

  /** Stops retry timers (when the editor closes). */
  dispose(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.flushScheduled = false;
  }
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
