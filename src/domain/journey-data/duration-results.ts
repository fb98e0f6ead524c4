/**
 * Result shapes of the duration questions (activity durations from interval logs, time in stage
 * over stage groups). Plain types shared by the engines, the REST contract and the web app.
 */
import type { DurationSummary } from "./log-results.ts";

/** Attribute holding an event's own duration in ms (interval logs, merged lifecycles). */
export const EVENT_DURATION_KEY = "wayline:duration_ms";
/** Attribute holding an event's start instant (ISO 8601, UTC) when it has a duration. */
export const EVENT_START_KEY = "wayline:start";
/**
 * A duration attribute counts when it is a whole number of ms written in 1–15 decimal digits
 * (non-negative, below 2^53); any other value is treated as absent.
 */
export const DURATION_PATTERN = "^[0-9]{1,15}$";

/** Durations of one activity's events. */
export interface ActivityDuration {
  /** Activity name. */
  activity: string;
  /** Events with this activity. */
  events: number;
  /** Of those, events with a duration. */
  measured: number;
  /** Distribution of those durations (zeros when none is measured). */
  duration: DurationSummary;
}

/** Answer of `activityDurations()`. */
export interface ActivityDurationsResult {
  /** Events in the log. */
  events: number;
  /** Events with a duration. */
  measured: number;
  /** Every activity, in byte order of its name. */
  activities: ActivityDuration[];
}

/** Time in one stage group, over the cases reaching it. */
export interface StageDuration {
  /** The caller's key of the stage (e.g. a stage id). */
  key: string;
  /** Cases with at least one event of the stage. */
  cases: number;
  /** Distribution of the time in stage, one value per case (zeros when no case reaches it). */
  duration: DurationSummary;
}

/** Answer of `stageDurations()`: one entry per stage, in the order asked. */
export interface StageDurationsResult {
  /** Per stage. */
  stages: StageDuration[];
}
