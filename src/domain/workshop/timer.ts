import { z } from "zod";
import { WORKSHOP_LIMITS } from "./limits.ts";

/**
 * The shared timer: what was left when it was last touched, and since when it runs (server
 * time). Everyone derives the same remaining time from it (`remainingMs`), so it needs no ticks
 * on the wire and survives a reload.
 */
export const TimerSchema = z.strictObject({
  /** What `reset` goes back to (ms). */
  durationMs: z.number().int().min(0),
  /** Remaining time when `runningSince` was set or the timer paused (ms). */
  remainingMs: z.number().int().min(0),
  /** When it started running (ISO, server clock), null while paused. */
  runningSince: z.iso.datetime().nullable(),
});
/** The shared timer. */
export type Timer = z.infer<typeof TimerSchema>;

/** What a facilitator does with the timer. */
export const TimerActionSchema = z.discriminatedUnion("op", [
  z.strictObject({ op: z.literal("start") }),
  z.strictObject({ op: z.literal("pause") }),
  z.strictObject({ op: z.literal("add_minute") }),
  z.strictObject({ op: z.literal("reset") }),
  z.strictObject({
    op: z.literal("set"),
    /** New duration in whole minutes (1–240); the timer stops at it. */
    minutes: z.number().int().min(1).max(WORKSHOP_LIMITS.timerMinutes),
  }),
]);
/** What a facilitator does with the timer. */
export type TimerAction = z.infer<typeof TimerActionSchema>;

const MINUTE = 60_000;
const MAX_MS = WORKSHOP_LIMITS.timerMinutes * MINUTE;

/** A stopped timer of `minutes`. */
export function newTimer(minutes = 10): Timer {
  return { durationMs: minutes * MINUTE, remainingMs: minutes * MINUTE, runningSince: null };
}

/** Milliseconds left at `now` (never below 0). */
export function remainingMs(t: Timer, now: Date): number {
  if (t.runningSince === null) return t.remainingMs;
  const ran = Math.max(0, now.getTime() - Date.parse(t.runningSince));
  return Math.max(0, t.remainingMs - ran);
}

/** True while the timer counts down (running and not yet at zero). */
export function isRunning(t: Timer, now: Date): boolean {
  return t.runningSince !== null && remainingMs(t, now) > 0;
}

/** The timer after `action` at `now`. */
export function applyTimerAction(t: Timer, action: TimerAction, now: Date): Timer {
  const left = remainingMs(t, now);
  const at = now.toISOString();
  switch (action.op) {
    case "start":
      return left > 0 ? { ...t, remainingMs: left, runningSince: at } : t;
    case "pause":
      return { ...t, remainingMs: left, runningSince: null };
    case "add_minute":
      return {
        ...t,
        remainingMs: Math.min(MAX_MS, left + MINUTE),
        runningSince: t.runningSince === null ? null : at,
      };
    case "reset":
      return { ...t, remainingMs: t.durationMs, runningSince: null };
    case "set":
      return newTimer(action.minutes);
  }
}

/** "mm:ss" (or "h:mm:ss" from one hour) of a duration, rounded up to the second. */
export function formatClock(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = String(m).padStart(2, "0");
  const ss = String(s).padStart(2, "0");
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}
