import { parseCommentText } from "../../domain/comments/index.ts";

/** A member picked in the composer's @ list. */
export interface PickedMention {
  userId: string;
  name: string;
}

/**
 * The stored body of what the composer shows: each `@Name` of a picked member becomes
 * `@[Name](userId)` (longer names first, so "@Ana Lee" wins over "@Ana").
 */
export function draftToBody(text: string, picked: readonly PickedMention[]): string {
  let out = text;
  const byLength = [...picked].sort((a, b) => b.name.length - a.name.length);
  const placeholders: string[] = [];
  for (const p of byLength) {
    const token = `@[${p.name.replace(/[[\]\n]/g, "")}](${p.userId})`;
    out = out.split(`@${p.name}`).join(`\u0001${placeholders.length}\u0001`);
    placeholders.push(token);
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: private placeholder marks, never user text
  return out.replace(/\u0001(\d+)\u0001/g, (_, i) => placeholders[Number(i)] ?? "");
}

/** The composer's text and picked mentions for editing a stored body. */
export function bodyToDraft(body: string): { text: string; picked: PickedMention[] } {
  const picked: PickedMention[] = [];
  const text = parseCommentText(body)
    .map((s) => {
      if (s.kind !== "mention") return s.kind === "text" ? s.text : s.url;
      if (!picked.some((p) => p.userId === s.userId)) picked.push({ userId: s.userId, name: s.name });
      return `@${s.name}`;
    })
    .join("");
  return { text, picked };
}

/** The `@query` being typed just before the caret, or null. */
export function mentionQuery(text: string, caret: number): { query: string; start: number } | null {
  const m = /(^|\s)@([\p{L}\p{N}._-]{0,30})$/u.exec(text.slice(0, caret));
  if (!m) return null;
  return { query: m[2] ?? "", start: caret - (m[2]?.length ?? 0) - 1 };
}
