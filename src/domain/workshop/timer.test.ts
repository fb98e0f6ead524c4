import { describe, expect, it } from "vitest";
import {
  applyTimerAction,
  formatClock,
  isRunning,
  newTimer,
  remainingMs,
  TimerActionSchema,
} from "./timer.ts";

const at = (s: number) => new Date(Date.UTC(2026, 11, 2, 9, 0, s));

describe("the shared timer", () => {
  it("counts down from the server's start time, pauses, adds a minute and resets", () => {
    let t = newTimer(5);
    expect(remainingMs(t, at(0))).toBe(300_000);
    t = applyTimerAction(t, { op: "start" }, at(0));
    expect(remainingMs(t, at(30))).toBe(270_000);
    expect(isRunning(t, at(30))).toBe(true);
    t = applyTimerAction(t, { op: "pause" }, at(40));
    expect(t.runningSince).toBeNull();
    expect(remainingMs(t, at(59))).toBe(260_000);
    t = applyTimerAction(t, { op: "add_minute" }, at(59));
    expect(remainingMs(t, at(59))).toBe(320_000);
    t = applyTimerAction(t, { op: "start" }, at(0));
    t = applyTimerAction(t, { op: "add_minute" }, at(20));
    expect(remainingMs(t, at(20))).toBe(360_000);
    t = applyTimerAction(t, { op: "reset" }, at(21));
    expect(t).toEqual(newTimer(5));
  });

  it("stops at zero and cannot start again from zero", () => {
    let t = applyTimerAction(newTimer(1), { op: "start" }, at(0));
    expect(remainingMs(t, new Date(at(0).getTime() + 61_000))).toBe(0);
    expect(isRunning(t, new Date(at(0).getTime() + 61_000))).toBe(false);
    t = applyTimerAction(t, { op: "pause" }, new Date(at(0).getTime() + 61_000));
    expect(applyTimerAction(t, { op: "start" }, at(0))).toEqual(t);
  });

  it("never runs beyond 240 minutes and refuses bad durations", () => {
    const t = applyTimerAction(newTimer(240), { op: "add_minute" }, at(0));
    expect(t.remainingMs).toBe(240 * 60_000);
    expect(TimerActionSchema.safeParse({ op: "set", minutes: 241 }).success).toBe(false);
    expect(TimerActionSchema.safeParse({ op: "set", minutes: 0 }).success).toBe(false);
    expect(TimerActionSchema.safeParse({ op: "set", minutes: 1.5 }).success).toBe(false);
    expect(TimerActionSchema.safeParse({ op: "warp" }).success).toBe(false);
  });

  it("shows mm:ss, rounded up, and h:mm:ss from an hour", () => {
    expect(formatClock(0)).toBe("00:00");
    expect(formatClock(59_001)).toBe("01:00");
    expect(formatClock(65_000)).toBe("01:05");
    expect(formatClock(3_725_000)).toBe("1:02:05");
  });
});
