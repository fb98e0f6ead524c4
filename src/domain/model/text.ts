import { z } from "zod";

/** Text without NUL (U+0000): PostgreSQL cannot store it, and no user text needs it. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing the NUL control character is the point
export const NO_NUL = /^[^\u0000]*$/;

/** The message of a refused NUL. */
export const NUL_MESSAGE = "must not contain NUL (\\u0000) characters";

/**
 * Every user-text field, id, name and query parameter: a string without NUL, refused in the schema
 * (400 at the boundary) so SQLite and PostgreSQL store exactly the same things.
 */
export const text = () => z.string().regex(NO_NUL, NUL_MESSAGE);

/** Object keys that reach prototypes in JavaScript; never a user key. */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

/** A user-chosen object key (card field names, rule names): text, and not a reserved key. */
export const recordKey = () =>
  text().refine((k) => !RESERVED_KEYS.has(k), {
    message: "is a reserved name (__proto__, constructor, prototype)",
  });
