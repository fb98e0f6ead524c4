import { randomUUID } from "node:crypto";
import type { MapCommand } from "../../domain/index.ts";
import { WaylineError } from "../../domain/index.ts";
import {
  type AgendaAction,
  applyAgendaAction,
  applyTimerAction,
  castDot,
  newSession,
  openVote,
  parkingLotNoteCommands,
  revealVote,
  type SessionView,
  type TimerAction,
  tally,
  type VoteSetup,
  viewOfSession,
  votableCards,
  voteResultCommands,
  type WorkshopSession,
  WorkshopSessionSchema,
} from "../../domain/workshop/index.ts";
import type { UnitOfWork } from "../../storage/store.ts";
import { LiveChanges, MAX_WAIT_SECONDS } from "../comments/live-changes.ts";
import type { JourneyService } from "../journey-service.ts";

/** Who acts in a workshop: a stable key for their ballot and the name shown to the others. */
export interface Participant {
  /** `member:<user id or name>` or `guest:<share link id>:<guest name>`. */
  key: string;
  /** Display name. */
  name: string;
}

/** The session on a map as one participant sees it, and its version (for waiting on changes). */
export interface WorkshopState {
  /** Null when no session runs on the map. */
  session: SessionView | null;
  /** Grows with every change of the map's workshop (0 = never had one). */
  version: number;
}

/**
 * Attempts of a compare-and-swap write before giving up with `conflict`, and the pause before
 * each retry: random in [0, min(CAS_BACKOFF_CAP_MS, 2^attempt ms)) so writers of two processes
 * stop colliding in step. Worst case about 0.9 s of waiting before the 409 (docs/api.md).
 */
export const CAS_ATTEMPTS = 24;
export const CAS_BACKOFF_CAP_MS = 50;

/** The pause before retry `attempt` (1-based) of a compare-and-swap write. */
export function casBackoffMs(attempt: number, random: () => number = Math.random): number {
  return Math.floor(random() * Math.min(CAS_BACKOFF_CAP_MS, 2 ** attempt));
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

const short = () => randomUUID().replaceAll("-", "").slice(0, 12);

/**
 * Workshop sessions of maps: timer, agenda, "everyone follow me", parking-lot notes and dot
 * votes. The session lives in the `workshops` table (ballots are secret until revealed, so they
 * cannot live in the map's Y.Doc, which every participant holds); what stays on the map (notes,
 * votes, evidence) is written with map commands through `JourneyService.apply`, the one write
 * path. Who may call what is decided by the permission table before these methods run.
 */
export class WorkshopService {
  private readonly live = new LiveChanges();
  /** One write at a time per map in this process (other processes: the version check). */
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    private readonly store: UnitOfWork,
    private readonly journeys: JourneyService,
    private readonly clock: () => string = () => new Date().toISOString(),
    /** Waits between compare-and-swap attempts (tests count the retries). */
    private readonly pause: (ms: number) => Promise<void> = sleep,
  ) {}

  /** The map's session as `who` sees it (`candidates`: the map's pain points and ideas, read when needed). */
  async state(
    ws: string,
    mapId: string,
    who: Participant,
    candidates?: ReadonlySet<string>,
  ): Promise<WorkshopState> {
    const stored = await this.store.workshops.get(ws, mapId);
    const session = parse(stored?.session);
    if (!stored) await this.mustExist(ws, mapId);
    // Only a vote needs the map (its totals count the cards still there).
    const cards = session?.vote ? (candidates ?? (await this.candidates(ws, mapId))) : undefined;
    return {
      session: session ? viewOfSession(session, who.key, new Date(this.clock()), cards) : null,
      version: stored?.version ?? 0,
    };
  }

  /** Waits (long polling, at most 30 s) until the version differs from `since`, then answers the state. */
  async changes(
    ws: string,
    mapId: string,
    who: Participant,
    since: number,
    waitSeconds: number,
    signal?: AbortSignal,
  ): Promise<WorkshopState> {
    await this.mustExist(ws, mapId);
    const ms = Math.min(Math.max(0, waitSeconds), MAX_WAIT_SECONDS) * 1000;
    const read = async () => String(await this.store.workshops.versionOf(ws, mapId));
    await this.live.wait(`${ws}/${mapId}`, String(since), ms, read, signal);
    return this.state(ws, mapId, who);
  }

  /** Starts a session (`conflict` when one runs). */
  start(ws: string, mapId: string, who: Participant): Promise<WorkshopState> {
    const id = short();
    return this.write(ws, mapId, who, (s) => {
      if (s) throw new WaylineError("conflict", "a workshop session already runs on this map");
      return newSession(id, who.name.slice(0, 120), new Date(this.clock()));
    });
  }

  /** Ends the session (what it left on the map stays). */
  end(ws: string, mapId: string, who: Participant): Promise<WorkshopState> {
    return this.write(ws, mapId, who, (s) => {
      active(s);
      return null;
    });
  }

  /** Starts, pauses, extends, resets or sets the timer. */
  timer(ws: string, mapId: string, who: Participant, action: TimerAction): Promise<WorkshopState> {
    return this.write(ws, mapId, who, (s) => ({
      ...active(s),
      timer: applyTimerAction(active(s).timer, action, new Date(this.clock())),
    }));
  }

  /** Adds, renames, moves, removes a step or marks the current one. */
  agenda(ws: string, mapId: string, who: Participant, action: AgendaAction): Promise<WorkshopState> {
    const id = short();
    return this.write(ws, mapId, who, (s) => ({
      ...active(s),
      agenda: applyAgendaAction(active(s).agenda, action, () => id),
    }));
  }

  /** "Everyone follow me" (the facilitator's presence client id), or null to release the group. */
  follow(
    ws: string,
    mapId: string,
    who: Participant,
    leader: { clientId: number } | null,
  ): Promise<WorkshopState> {
    return this.write(ws, mapId, who, (s) => {
      const cur = active(s);
      if (!leader) return { ...cur, follow: null };
      const seq = cur.followSeq + 1;
      const name = who.name.slice(0, 60) || "Facilitator";
      return { ...cur, followSeq: seq, follow: { clientId: leader.clientId, name, seq } };
    });
  }

  /** Opens a new dot vote (the previous one's ballots are dropped; what it left on the map stays). */
  openVote(ws: string, mapId: string, who: Participant, setup: VoteSetup): Promise<WorkshopState> {
    const id = short();
    return this.write(ws, mapId, who, (s) => ({
      ...active(s),
      vote: openVote(setup, id, new Date(this.clock())),
    }));
  }

  /** Places (`delta` 1) or removes (-1) one of `who`'s dots on a pain point or idea. */
  async vote(
    ws: string,
    mapId: string,
    who: Participant,
    cardId: string,
    delta: 1 | -1,
  ): Promise<WorkshopState> {
    const candidates = await this.candidates(ws, mapId);
    return this.write(
      ws,
      mapId,
      who,
      (s) => {
        const cur = active(s);
        if (!cur.vote) throw new WaylineError("conflict", "no vote is open; the facilitator opens one first");
        return { ...cur, vote: castDot(cur.vote, who.key, cardId, delta, candidates) };
      },
      candidates,
    );
  }

  /**
   * Reveals the totals: freezes the ballots, then writes the votes and their evidence onto the
   * map's pain points and ideas (`voteResultCommands`). If the map refuses the write, the vote
   * opens again so the facilitator can retry.
   */
  async reveal(ws: string, mapId: string, who: Participant): Promise<WorkshopState> {
    let round = "";
    await this.write(ws, mapId, who, (s) => {
      const cur = active(s);
      if (!cur.vote) throw new WaylineError("conflict", "no vote to reveal");
      const vote = revealVote(cur.vote, new Date(this.clock()));
      round = vote.id;
      return { ...cur, vote };
    });
    try {
      const map = (await this.journeys.get(ws, mapId)).map;
      const s = parse((await this.store.workshops.get(ws, mapId))?.session);
      if (!s?.vote || s.vote.id !== round) return this.state(ws, mapId, who);
      const candidates = new Set(votableCards(map).map((c) => c.id as string));
      const commands = voteResultCommands(map, tally(s.vote, candidates), round, this.clock().slice(0, 10));
      await this.applyToMap(ws, mapId, commands);
    } catch (e) {
      await this.write(ws, mapId, who, (s) =>
        s?.vote?.id === round ? { ...s, vote: { ...s.vote, status: "open", revealedAt: null } } : s,
      ).catch(() => undefined);
      throw e;
    }
    return this.state(ws, mapId, who);
  }

  /** Adds a sticky note to the map's "Parking lot" lane (created on demand) while a session runs. */
  note(
    ws: string,
    mapId: string,
    who: Participant,
    note: { text: string; stageId?: string | undefined },
  ): Promise<{ state: WorkshopState; cardId: string }> {
    return this.queued(ws, mapId, async () => {
      const cur = active(parse((await this.store.workshops.get(ws, mapId))?.session));
      const map = (await this.journeys.get(ws, mapId)).map;
      const made = parkingLotNoteCommands(map, cur.parkingLotLaneId, note, short);
      await this.applyToMap(ws, mapId, made.commands);
      // Remembering the lane is idempotent, so a retried swap cannot add the note twice.
      await this.swap(ws, mapId, (s) => ({ ...active(s), parkingLotLaneId: made.laneId }));
      return { state: await this.state(ws, mapId, who), cardId: made.cardId };
    });
  }

  /** `not_found` unless the map is in workspace `ws` (the same answer for another workspace's map). */
  private async mustExist(ws: string, mapId: string): Promise<void> {
    if ((await this.store.journeys.workspaceOf(mapId)) !== ws)
      throw new WaylineError("not_found", `no journey map with id "${mapId}"`);
  }

  /** Ids of the map's pain points and ideas (what one may vote on). */
  private async candidates(ws: string, mapId: string): Promise<Set<string>> {
    return new Set(votableCards((await this.journeys.get(ws, mapId)).map).map((c) => c.id as string));
  }

  private async applyToMap(ws: string, mapId: string, commands: MapCommand[]): Promise<void> {
    if (commands.length === 0) return;
    const { version } = await this.journeys.get(ws, mapId);
    await this.journeys.apply(ws, mapId, { baseVersion: version, commands });
  }

  /** Changes the session (`change` must be free of side effects: it may run again) and answers the new state. */
  private write(
    ws: string,
    mapId: string,
    who: Participant,
    change: (s: WorkshopSession | null) => WorkshopSession | null,
    candidates?: ReadonlySet<string>,
  ): Promise<WorkshopState> {
    return this.queued(ws, mapId, async () => {
      await this.swap(ws, mapId, change);
      return this.state(ws, mapId, who, candidates);
    });
  }

  /** Stores `change(current)` with a compare-and-swap on the version (other processes), retried; wakes waiters. */
  private async swap(
    ws: string,
    mapId: string,
    change: (s: WorkshopSession | null) => WorkshopSession | null,
  ): Promise<void> {
    for (let i = 0; i < CAS_ATTEMPTS; i++) {
      if (i > 0) await this.pause(casBackoffMs(i));
      const stored = await this.store.workshops.get(ws, mapId);
      const next = change(parse(stored?.session));
      if (
        await this.store.workshops.put(ws, mapId, stored?.version ?? 0, JSON.stringify(next), this.clock())
      ) {
        this.live.notify(`${ws}/${mapId}`);
        return;
      }
    }
    throw new WaylineError("conflict", "the workshop changed too often meanwhile; try again");
  }

  /** Runs `work` after this process's other workshop writes to the map (the map must exist). */
  private queued<T>(ws: string, mapId: string, work: () => Promise<T>): Promise<T> {
    const key = `${ws}/${mapId}`;
    const run = async () => {
      await this.mustExist(ws, mapId);
      return work();
    };
    const mine = (this.queues.get(key) ?? Promise.resolve()).then(run, run);
    const tail = mine.catch(() => undefined);
    this.queues.set(key, tail);
    void tail.then(() => {
      if (this.queues.get(key) === tail) this.queues.delete(key);
    });
    return mine;
  }
}

function parse(json: string | undefined): WorkshopSession | null {
  if (json === undefined || json === "null") return null;
  return WorkshopSessionSchema.parse(JSON.parse(json));
}

function active(s: WorkshopSession | null): WorkshopSession {
  if (!s)
    throw new WaylineError("conflict", "no workshop session runs on this map; a facilitator starts one");
  return s;
}
