import { z } from "zod";
import type { ActivityDuration, ActivityDurationsResult } from "../domain/journey-data/duration-results.ts";
import { compareBytes } from "./percentile.ts";
import { parseQuery } from "./query.ts";

/** Most stage groups in one `stageDurations` query. */
export const MAX_DURATION_STAGES = 500;
/** Most activities over all stage groups of one query. */
export const MAX_DURATION_ACTIVITIES = 20_000;

/** One stage group: a key and the activities that belong to it. */
const StageGroupSchema = z.strictObject({
  /** The caller's key of the stage (returned as given). */
  key: z.string().min(1).max(200),
  /** Activities of the stage (at least one). */
  activities: z.array(z.string().min(1).max(10_000)).min(1).max(MAX_DURATION_ACTIVITIES),
});

/**
 * Options of `stageDurations()`: stages in journey order, each a list of activities. Keys are
 * unique and no activity is in two stages (a map's activity rules give each activity one stage).
 */
export const StageDurationsQuerySchema = z
  .strictObject({
    /** Stage groups (1–500). */
    stages: z.array(StageGroupSchema).min(1).max(MAX_DURATION_STAGES),
  })
  .superRefine((q, ctx) => {
    const keys = new Set<string>();
    const owner = new Map<string, string>();
    let total = 0;
    q.stages.forEach((s, i) => {
      if (keys.has(s.key))
        ctx.addIssue({ code: "custom", path: ["stages", i, "key"], message: `key "${s.key}" is repeated` });
      keys.add(s.key);
      total += s.activities.length;
      s.activities.forEach((a, j) => {
        const first = owner.get(a);
        if (first !== undefined && first !== s.key)
          ctx.addIssue({
            code: "custom",
            path: ["stages", i, "activities", j],
            message: `activity "${a}" is already in stage "${first}" (each activity belongs to one stage)`,
          });
        else owner.set(a, s.key);
      });
    });
    if (total > MAX_DURATION_ACTIVITIES)
      ctx.addIssue({
        code: "custom",
        path: ["stages"],
        message: `${total} activities over all stages; at most ${MAX_DURATION_ACTIVITIES}`,
      });
  });

/** A stage durations query as callers pass it. */
export type StageDurationsQuery = z.input<typeof StageDurationsQuerySchema>;

/** A validated stage durations query: per activity its stage index (activities repeated in one stage once). */
export interface StageDurationsSpec {
  /** Stage keys in order. */
  keys: string[];
  /** Activity → index into `keys`. */
  stageOf: Map<string, number>;
}

/** Validates a stage durations query (`invalid_request` naming the field otherwise). */
export function stageDurationsSpec(query: StageDurationsQuery): StageDurationsSpec {
  const q = parseQuery(StageDurationsQuerySchema, query, "stage durations");
  const stageOf = new Map<string, number>();
  q.stages.forEach((s, i) => {
    for (const a of s.activities) stageOf.set(a, i);
  });
  return { keys: q.stages.map((s) => s.key), stageOf };
}

/** An `activityDurations()` answer from an engine's rows: activities in byte order, with totals. */
export function activityDurationsResult(rows: ActivityDuration[]): ActivityDurationsResult {
  const activities = [...rows].sort((a, b) => compareBytes(a.activity, b.activity));
  return {
    events: activities.reduce((s, a) => s + a.events, 0),
    measured: activities.reduce((s, a) => s + a.measured, 0),
    activities,
  };
}
