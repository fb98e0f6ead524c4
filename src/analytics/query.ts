import type { z } from "zod";
import { invalid, problemsFromIssues } from "../domain/errors.ts";

/** Validates a query against its schema; `invalid_request` listing every problem otherwise. */
export function parseQuery<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const r = schema.safeParse(input);
  if (!r.success)
    throw invalid("invalid_request", `invalid ${what} query`, problemsFromIssues(r.error.issues));
  return r.data;
}
