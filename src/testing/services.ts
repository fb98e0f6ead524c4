import { describe, it } from "vitest";

/** True when CI demands that every external service is really exercised. */
export const requireServices = process.env.WAYLINE_REQUIRE_SERVICES === "1";

/**
 * Describes a suite that needs an external service (PostgreSQL, Redis, ClickHouse, Chromium).
 * When the service is absent the suite is skipped with a visible message, except under
 * WAYLINE_REQUIRE_SERVICES=1, where the absence is a failing test.
 */
export function describeWithService(service: string, available: boolean, name: string, fn: () => void): void {
  if (available) {
    describe(name, fn);
    return;
  }
  if (requireServices) {
    describe(name, () => {
      it(`${service} is reachable`, () => {
        throw new Error(`${service} is required (WAYLINE_REQUIRE_SERVICES=1) but is not reachable`);
      });
    });
    return;
  }
  console.warn(`[skip] ${name}: ${service} is not reachable; set it up or run .ci/run`);
  describe.skip(name, fn);
}
