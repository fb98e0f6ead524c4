import { expect } from "vitest";
import { ApiError } from "./request.ts";

/** The `ApiError` a promise that must reject rejects with (fails the test otherwise). Tests only. */
export async function apiRejection(p: Promise<unknown>): Promise<ApiError> {
  const outcome = await p.then(
    () => new Error("expected a rejection"),
    (e: unknown) => e,
  );
  expect(outcome).toBeInstanceOf(ApiError);
  return outcome as ApiError;
}
