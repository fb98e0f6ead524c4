import { z } from "zod";
import type { ErrorCode } from "../domain/errors.ts";

/** The body of every error answer: `{ "error": { "code", "message", "details"? } }`. */
export interface ErrorBody {
  error: {
    /** Stable snake_case code (`not_found`, `conflict`, `invalid_request` …). */
    code: ErrorCode;
    /** What went wrong, for people. */
    message: string;
    /** Structured details: `problems` of a validation error, `currentVersion` of a conflict … */
    details?: Record<string, unknown>;
  };
}

/**
 * Reads an error body as a client receives it. The code is any string here: a client must not
 * break on a code newer than itself.
 */
export const ErrorBodySchema = z.object({
  error: z.object({
    code: z.string().min(1),
    message: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});
