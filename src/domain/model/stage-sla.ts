import { z } from "zod";
import { text } from "./text.ts";

/** Longest stated service level: 3,660 days (ten years) in ms. */
export const MAX_SLA_MS = 3660 * 86_400_000;

/**
 * A stated service level of a stage: the time cases should spend in it. The stage breaks it when
 * the measured 90th percentile of time in stage (docs/guide/journey-data.md, "Durations and SLAs") is above `targetMs`.
 */
export const StageSlaSchema = z.strictObject({
  /** Target time in stage, in whole ms (1 ms to ten years). */
  targetMs: z.number().int().min(1).max(MAX_SLA_MS),
  /** What the target is called, e.g. "Reply within 2 days" (shown beside the figures). */
  label: text().min(1).max(200).optional(),
});
export type StageSla = z.infer<typeof StageSlaSchema>;

/** The SLA read from untrusted storage (a Y.Doc value): the value when valid, else undefined. */
export function readStageSla(value: unknown): StageSla | undefined {
  const r = StageSlaSchema.safeParse(value);
  return r.success ? r.data : undefined;
}
