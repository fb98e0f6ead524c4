import {
  anchorExists,
  anchorKey,
  anchorLabel,
  authorKey,
  authorName,
  type CommentAnchor,
  type CommentAuthor,
  MAX_MENTIONS,
  mentionedIds,
  plainPreview,
} from "../../domain/comments/index.ts";
import type { JourneyMap } from "../../domain/index.ts";
import { invalid, newId, WaylineError } from "../../domain/index.ts";
import type { StoredComment, StoredThread } from "../../storage/comments.ts";
import type { Member } from "../../storage/members.ts";
import type { UnitOfWork } from "../../storage/store.ts";
import type { EventBus } from "../events/events.ts";
import type { JourneyService } from "../journey-service.ts";
import { LiveChanges, MAX_WAIT_SECONDS } from "./live-changes.ts";

/** Most threads one map may hold (every status). */
export const MAX_THREADS_PER_MAP = 2000;
/** Most comments one thread may hold. */
export const MAX_COMMENTS_PER_THREAD = 500;

/** A comment as the API answers it. */
export interface CommentView {
  id: string;
  author: CommentAuthor;
  /** Display name (guests marked "(guest)"). */
  authorName: string;
  /** Plain text with `@[Name](userId)` mentions; "" when deleted. */
  body: string;
  createdAt: string;
  editedAt: string | null;
  deleted: boolean;
  /** True when the caller wrote it (they may edit and delete it). */
  mine: boolean;
}

/** A thread as the API answers it. */
export interface ThreadView {
  id: string;
  anchor: CommentAnchor;
  anchorKey: string;
  /** "Card “…”", "Stage “…”" …: the anchor now, or as it was last seen when detached. */
  anchorLabel: string;
  /** The anchored item was deleted: the thread lives on under "Detached". */
  detached: boolean;
  status: "open" | "resolved";
  resolvedBy: string | null;
  resolvedAt: string | null;
  createdAt: string;
  updatedAt: string;
  comments: CommentView[];
}

/** Every thread of a map, with counts per anchor and the live cursor. */
export interface CommentsView {
  threads: ThreadView[];
  /** Open threads per `anchorKey` (the badges on the map). */
  openByAnchor: Record<string, number>;
  /** Pass as `since` to `GET …/comments/changes` to wait for the next change. */
  cursor: string;
}

/** Comment threads on maps: start, reply, edit/delete own, resolve/reopen, and live changes. */
export class CommentService {
  private readonly live = new LiveChanges();

  constructor(
    private readonly store: UnitOfWork,
    private readonly journeys: JourneyService,
    private readonly events: EventBus,
    private readonly clock: () => string = () => new Date().toISOString(),
  ) {}

  /** The members of a workspace (who may be @mentioned); none in local and token mode. */
  members(ws: string): Promise<Member[]> {
    return this.store.members.list(ws);
  }

  /** The threads of a map as seen by `viewer` (whose own comments are marked `mine`). */
  async list(ws: string, journeyId: string, viewer: CommentAuthor): Promise<CommentsView> {
    const map = (await this.journeys.get(ws, journeyId)).map;
    const stored = await this.store.comments.list(ws, journeyId);
    const me = authorKey(viewer);
    const threads = stored.map((t) => viewOf(t, map, me));
    const openByAnchor: Record<string, number> = {};
    for (const t of threads)
      if (t.status === "open" && !t.detached)
        openByAnchor[t.anchorKey] = (openByAnchor[t.anchorKey] ?? 0) + 1;
    return { threads, openByAnchor, cursor: await this.store.comments.cursor(ws, journeyId) };
  }

  /** Starts a thread on `anchor` with its first comment. */
  async start(
    ws: string,
    journeyId: string,
    author: CommentAuthor,
    anchor: CommentAnchor,
    body: string,
  ): Promise<ThreadView> {
    const map = (await this.journeys.get(ws, journeyId)).map;
    const label = anchorLabel(map, anchor);
    if (label === null || !anchorExists(map, anchor))
      throw invalid("invalid_request", `the ${anchor.kind} to comment on is not on this map`, [
        { path: "body.anchor", message: `no ${anchor.kind} ${JSON.stringify(anchor)} on map "${journeyId}"` },
      ]);
    const mentions = await this.checkMentions(ws, body);
    if ((await this.store.comments.count(ws, journeyId)) >= MAX_THREADS_PER_MAP)
      throw new WaylineError(
        "payload_too_large",
        `a map holds at most ${MAX_THREADS_PER_MAP} comment threads`,
      );
    const now = await this.stamp(ws, journeyId);
    const id = newId();
    const first = comment(newId(), id, author, body, now);
    await this.store.comments.insertThread(ws, {
      id,
      journeyId,
      anchor,
      anchorKey: anchorKey(anchor),
      anchorLabel: label,
      createdAt: now,
      updatedAt: now,
      first,
    });
    await this.changed(ws, journeyId);
    await this.events.publish({
      type: "comment.created",
      workspaceId: ws,
      journeyId,
      mapTitle: map.title,
      at: now,
      actor: author,
      threadId: id,
      commentId: first.id,
      anchor,
      anchorLabel: label,
      preview: plainPreview(body),
      mentions,
    });
    return this.viewOne(ws, journeyId, id, author, map);
  }

  /** Adds a reply to a thread (a resolved thread stays resolved until reopened). */
  async reply(ws: string, journeyId: string, threadId: string, author: CommentAuthor, body: string) {
    const map = (await this.journeys.get(ws, journeyId)).map;
    const t = await this.mustGet(ws, journeyId, threadId);
    if (t.comments.length >= MAX_COMMENTS_PER_THREAD)
      throw new WaylineError(
        "payload_too_large",
        `a thread holds at most ${MAX_COMMENTS_PER_THREAD} comments`,
      );
    const mentions = await this.checkMentions(ws, body);
    const now = await this.stamp(ws, journeyId);
    const c = comment(newId(), threadId, author, body, now);
    await this.store.comments.insertComment(c);
    await this.store.comments.updateThread(
      threadId,
      { anchorLabel: anchorLabel(map, t.anchor) ?? t.anchorLabel },
      now,
    );
    await this.changed(ws, journeyId);
    const participants = [
      ...new Set(
        t.comments.flatMap((x) => (x.author.kind === "member" && !x.deletedAt ? [x.author.userId] : [])),
      ),
    ];
    await this.events.publish({
      type: "comment.replied",
      workspaceId: ws,
      journeyId,
      mapTitle: map.title,
      at: now,
      actor: author,
      threadId,
      commentId: c.id,
      anchor: t.anchor,
      anchorLabel: anchorLabel(map, t.anchor) ?? t.anchorLabel,
      preview: plainPreview(body),
      mentions,
      participants,
    });
    return this.viewOne(ws, journeyId, threadId, author, map);
  }

  /** Changes the text of one's own comment; people newly mentioned are told. */
  async edit(
    ws: string,
    journeyId: string,
    threadId: string,
    commentId: string,
    author: CommentAuthor,
    body: string,
  ) {
    const map = (await this.journeys.get(ws, journeyId)).map;
    const { comment: c } = await this.own(ws, journeyId, threadId, commentId, author);
    const before = new Set(mentionedIds(c.body));
    const mentions = (await this.checkMentions(ws, body)).filter((m) => !before.has(m));
    const now = await this.stamp(ws, journeyId);
    await this.store.comments.updateComment(commentId, { body, editedAt: now });
    await this.store.comments.updateThread(threadId, {}, now);
    await this.changed(ws, journeyId);
    await this.events.publish({
      type: "comment.edited",
      workspaceId: ws,
      journeyId,
      mapTitle: map.title,
      at: now,
      actor: author,
      threadId,
      commentId,
      mentions,
    });
    return this.viewOne(ws, journeyId, threadId, author, map);
  }

  /** Deletes one's own comment (its place shows "Comment deleted"); a thread left empty goes. */
  async remove(ws: string, journeyId: string, threadId: string, commentId: string, author: CommentAuthor) {
    const map = (await this.journeys.get(ws, journeyId)).map;
    const { thread } = await this.own(ws, journeyId, threadId, commentId, author);
    const now = await this.stamp(ws, journeyId);
    const empty = thread.comments.every((x) => x.id === commentId || x.deletedAt);
    await this.store.transaction(async (repos) => {
      await repos.comments.updateComment(commentId, { body: "", deletedAt: now });
      await repos.comments.updateThread(threadId, empty ? { status: "deleted" } : {}, now);
    });
    await this.changed(ws, journeyId);
    await this.events.publish({
      type: "comment.deleted",
      workspaceId: ws,
      journeyId,
      mapTitle: map.title,
      at: now,
      actor: author,
      threadId,
      commentId,
    });
  }

  /** Resolves or reopens a thread. */
  async setStatus(
    ws: string,
    journeyId: string,
    threadId: string,
    by: CommentAuthor,
    status: "open" | "resolved",
  ) {
    const map = (await this.journeys.get(ws, journeyId)).map;
    const t = await this.mustGet(ws, journeyId, threadId);
    if (t.status !== status) {
      const now = await this.stamp(ws, journeyId);
      const resolved = status === "resolved";
      await this.store.comments.updateThread(
        threadId,
        { status, resolvedBy: resolved ? authorName(by) : null, resolvedAt: resolved ? now : null },
        now,
      );
      await this.changed(ws, journeyId);
      await this.events.publish({
        type: resolved ? "thread.resolved" : "thread.reopened",
        workspaceId: ws,
        journeyId,
        mapTitle: map.title,
        at: now,
        actor: by,
        threadId,
      });
    }
    return this.viewOne(ws, journeyId, threadId, by, map);
  }

  /**
   * Long polling: answers the map's comment cursor as soon as it differs from `since`, or after
   * `waitSeconds` (at most MAX_WAIT_SECONDS) when nothing changed.
   */
  async changes(ws: string, journeyId: string, since: string, waitSeconds: number, signal?: AbortSignal) {
    await this.journeys.get(ws, journeyId);
    const ms = Math.min(Math.max(0, waitSeconds), MAX_WAIT_SECONDS) * 1000;
    const cursor = await this.live.wait(
      `${ws}/${journeyId}`,
      since,
      ms,
      () => this.store.comments.cursor(ws, journeyId),
      signal,
    );
    return { cursor, changed: cursor !== since };
  }

  private async viewOne(
    ws: string,
    journeyId: string,
    threadId: string,
    viewer: CommentAuthor,
    map: JourneyMap,
  ) {
    const t = await this.mustGet(ws, journeyId, threadId);
    return viewOf(t, map, authorKey(viewer));
  }

  private async mustGet(ws: string, journeyId: string, threadId: string): Promise<StoredThread> {
    const t = await this.store.comments.get(ws, journeyId, threadId);
    if (!t || t.status === "deleted")
      throw new WaylineError("not_found", `no comment thread "${threadId}" on map "${journeyId}"`);
    return t;
  }

  private async own(
    ws: string,
    journeyId: string,
    threadId: string,
    commentId: string,
    author: CommentAuthor,
  ) {
    const thread = await this.mustGet(ws, journeyId, threadId);
    const c = thread.comments.find((x) => x.id === commentId && !x.deletedAt);
    if (!c) throw new WaylineError("not_found", `no comment "${commentId}" in thread "${threadId}"`);
    if (c.authorKey !== authorKey(author))
      throw new WaylineError("forbidden", "only the author of a comment may edit or delete it");
    return { thread, comment: c };
  }

  /** The mentioned ids, each a member of the workspace; 400 naming the first that is not. */
  private async checkMentions(ws: string, body: string): Promise<string[]> {
    const ids = mentionedIds(body);
    if (ids.length === 0) return [];
    if (ids.length > MAX_MENTIONS)
      throw invalid("invalid_request", `a comment may mention at most ${MAX_MENTIONS} people`, [
        { path: "body.body", message: `${ids.length} people mentioned` },
      ]);
    const members = new Set((await this.store.members.list(ws)).map((m) => m.userId));
    const unknown = ids.find((id) => !members.has(id));
    if (unknown)
      throw invalid("invalid_request", `@mention of someone who is not a member of this workspace`, [
        { path: "body.body", message: `no member with id "${unknown}"` },
      ]);
    return ids;
  }

  /** A time for a change, strictly after the map's current cursor (so no change is missed). */
  private async stamp(ws: string, journeyId: string): Promise<string> {
    const now = this.clock();
    const cursor = await this.store.comments.cursor(ws, journeyId);
    if (now > cursor) return now;
    return new Date(Date.parse(cursor) + 1).toISOString();
  }

  private async changed(ws: string, journeyId: string): Promise<void> {
    this.live.notify(`${ws}/${journeyId}`);
  }
}

function comment(
  id: string,
  threadId: string,
  author: CommentAuthor,
  body: string,
  now: string,
): StoredComment {
  return {
    id,
    threadId,
    author,
    authorKey: authorKey(author),
    body,
    createdAt: now,
    editedAt: null,
    deletedAt: null,
  };
}

function viewOf(t: StoredThread, map: JourneyMap, me: string): ThreadView {
  const exists = anchorExists(map, t.anchor);
  return {
    id: t.id,
    anchor: t.anchor,
    anchorKey: t.anchorKey,
    anchorLabel: (exists ? anchorLabel(map, t.anchor) : null) ?? t.anchorLabel,
    detached: !exists,
    status: t.status === "resolved" ? "resolved" : "open",
    resolvedBy: t.resolvedBy,
    resolvedAt: t.resolvedAt,
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
    comments: t.comments.map((c) => ({
      id: c.id,
      author: c.author,
      authorName: authorName(c.author),
      body: c.body,
      createdAt: c.createdAt,
      editedAt: c.editedAt,
      deleted: c.deletedAt !== null,
      mine: c.authorKey === me && c.deletedAt === null,
    })),
  };
}
