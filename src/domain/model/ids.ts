import type { z } from "zod";
import { text } from "./text.ts";

/** Identifier strings: 1–64 characters of letters, digits, `_` and `-`. */
const idString = text()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, "ids use only letters, digits, '_' and '-'");

/** Id of a workspace. */
export const WorkspaceIdSchema = idString.brand<"WorkspaceId">();
/** Id of a persona (workspace-wide, shared by maps). */
export const PersonaIdSchema = idString.brand<"PersonaId">();
/** Id of a journey map. */
export const MapIdSchema = idString.brand<"MapId">();
/** Id of a phase (a group of stages). */
export const PhaseIdSchema = idString.brand<"PhaseId">();
/** Id of a stage (a column). */
export const StageIdSchema = idString.brand<"StageId">();
/** Id of a step (a sub-column of a stage). */
export const StepIdSchema = idString.brand<"StepId">();
/** Id of a lane (a row). */
export const LaneIdSchema = idString.brand<"LaneId">();
/** Id of a card (content in a lane × stage cell). */
export const CardIdSchema = idString.brand<"CardId">();
/** Id of an evidence link. */
export const EvidenceIdSchema = idString.brand<"EvidenceId">();

export type WorkspaceId = z.infer<typeof WorkspaceIdSchema>;
export type PersonaId = z.infer<typeof PersonaIdSchema>;
export type MapId = z.infer<typeof MapIdSchema>;
export type PhaseId = z.infer<typeof PhaseIdSchema>;
export type StageId = z.infer<typeof StageIdSchema>;
export type StepId = z.infer<typeof StepIdSchema>;
export type LaneId = z.infer<typeof LaneIdSchema>;
export type CardId = z.infer<typeof CardIdSchema>;
export type EvidenceId = z.infer<typeof EvidenceIdSchema>;

/**
 * A fresh random id (URL-safe, 21 characters). Pure apart from the platform's crypto RNG. The
 * first character is a letter or digit: an id starting with "-" reads as an option on a command
 * line (`wayline export -8YG…` failed as "unknown option").
 */
export function newId<T extends string>(): T {
  const alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_-";
  const bytes = new Uint8Array(21);
  globalThis.crypto.getRandomValues(bytes);
  let out = "";
  for (const [i, b] of bytes.entries()) out += alphabet[i === 0 ? b % 62 : b & 63];
  return out as T;
}
