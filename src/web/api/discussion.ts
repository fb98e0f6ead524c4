import type {
  CommentChangesView,
  CommentsView,
  MentionableView,
  ThreadView,
} from "../../contract/comments.ts";
import type { InboxCountView, InboxView } from "../../contract/inbox.ts";
import type { ReviewView } from "../../contract/reviews.ts";
import type { CommentAnchor } from "../../domain/comments/index.ts";
import { request } from "./request.ts";

const map = (id: string) => `/api/journeys/${encodeURIComponent(id)}`;
const thread = (id: string, t: string) => `${map(id)}/comments/${encodeURIComponent(t)}`;

/** Typed client of comments, reviews and the inbox (docs/api.md). */
export const commentsApi = {
  list: (id: string) => request<CommentsView>("GET", `${map(id)}/comments`),
  changes: (id: string, since: string, wait: number) =>
    request<CommentChangesView>("GET", `${map(id)}/comments/changes`, { query: { since, wait } }),
  start: (id: string, anchor: CommentAnchor, body: string) =>
    request<ThreadView>("POST", `${map(id)}/comments`, { body: { anchor, body } }),
  reply: (id: string, t: string, body: string) =>
    request<ThreadView>("POST", `${thread(id, t)}/replies`, { body: { body } }),
  setStatus: (id: string, t: string, status: "open" | "resolved") =>
    request<ThreadView>("PATCH", thread(id, t), { body: { status } }),
  edit: (id: string, t: string, c: string, body: string) =>
    request<ThreadView>("PATCH", `${thread(id, t)}/comments/${encodeURIComponent(c)}`, { body: { body } }),
  remove: (id: string, t: string, c: string) =>
    request<void>("DELETE", `${thread(id, t)}/comments/${encodeURIComponent(c)}`),
  mentionable: (id: string) => request<MentionableView[]>("GET", `${map(id)}/mentionable`),
};

/** Typed client of review and publish. */
export const reviewsApi = {
  list: (id: string) => request<ReviewView[]>("GET", `${map(id)}/reviews`),
  request: (id: string, reviewers: string[], message: string) =>
    request<ReviewView>("POST", `${map(id)}/reviews`, { body: { reviewers, message } }),
  decide: (id: string, r: string, decision: "approved" | "changes_requested", comment: string) =>
    request<ReviewView>("POST", `${map(id)}/reviews/${encodeURIComponent(r)}/decision`, {
      body: { decision, comment },
    }),
  cancel: (id: string, r: string) =>
    request<ReviewView>("POST", `${map(id)}/reviews/${encodeURIComponent(r)}/cancel`),
};

/** Typed client of the inbox. */
export const inboxApi = {
  list: (unreadOnly = false) =>
    request<InboxView>("GET", "/api/inbox", { query: { unread: unreadOnly ? "1" : "0" } }),
  count: () => request<InboxCountView>("GET", "/api/inbox/count"),
  markRead: (ids: string[] | "all", read = true) =>
    request<InboxCountView>("POST", "/api/inbox/read", {
      body: ids === "all" ? { all: true, read } : { ids, read },
    }),
};
