import { z } from "zod";
import { text } from "../model/text.ts";

/** Longest comment body, in characters. */
export const MAX_COMMENT_LENGTH = 5000;
/** Most distinct people one comment may mention. */
export const MAX_MENTIONS = 20;

/**
 * A comment body: plain text in which `@[Name](userId)` marks a mention of a member and
 * `http(s)://…` is a link. It is never HTML: clients render the segments as text nodes.
 */
export const CommentBodySchema = text()
  .trim()
  .min(1, "a comment needs some text")
  .max(MAX_COMMENT_LENGTH, `at most ${MAX_COMMENT_LENGTH} characters`);

/** A piece of a comment body, in order. */
export type CommentSegment =
  | { kind: "text"; text: string }
  | { kind: "mention"; userId: string; name: string }
  | { kind: "link"; url: string };

// A mention: @[Name](id) — the name without brackets or newlines, the id without parentheses.
const MENTION = /@\[([^\]\n]{1,200})\]\(([^()\s]{1,200})\)/g;
// A link: http(s) URL up to whitespace; trailing punctuation stays text ("see https://x.y.").
const LINK = /https?:\/\/[^\s<>"]+/g;
const TRAILING = /[.,;:!?)\]}'"]+$/;

/** Splits a body into text, mentions and links (links only with http or https). */
export function parseCommentText(body: string): CommentSegment[] {
  const out: CommentSegment[] = [];
  let at = 0;
  for (const m of body.matchAll(MENTION)) {
    pushText(out, body.slice(at, m.index));
    out.push({ kind: "mention", name: m[1] as string, userId: m[2] as string });
    at = m.index + m[0].length;
  }
  pushText(out, body.slice(at));
  return out;
}

function pushText(out: CommentSegment[], s: string): void {
  let at = 0;
  for (const m of s.matchAll(LINK)) {
    const url = m[0].replace(TRAILING, "");
    if (!isHttpUrl(url)) continue;
    addText(out, s.slice(at, m.index));
    out.push({ kind: "link", url });
    at = m.index + url.length;
  }
  addText(out, s.slice(at));
}

function addText(out: CommentSegment[], s: string): void {
  if (!s) return;
  const last = out[out.length - 1];
  if (last?.kind === "text") last.text += s;
  else out.push({ kind: "text", text: s });
}

function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol === "http:" || u.protocol === "https:";
  } catch {
    return false;
  }
}

/** The user ids mentioned in a body, each once, in order of first mention. */
export function mentionedIds(body: string): string[] {
  const ids = parseCommentText(body).flatMap((s) => (s.kind === "mention" ? [s.userId] : []));
  return [...new Set(ids)];
}

/** The body as plain text for previews (mentions as `@Name`), cut to `max` characters. */
export function plainPreview(body: string, max = 140): string {
  const s = parseCommentText(body)
    .map((x) => (x.kind === "text" ? x.text : x.kind === "mention" ? `@${x.name}` : x.url))
    .join("")
    .replace(/\s+/g, " ")
    .trim();
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** Schema of a new thread's first comment or a reply. */
export const CommentInputSchema = z.strictObject({
  /** The text, with `@[Name](userId)` mentions. */
  body: CommentBodySchema,
});
