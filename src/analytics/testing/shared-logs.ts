import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describeWithService } from "../../testing/services.ts";

/** The repository root, from this file's place in it (not the process's working directory). */
const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));

/** The shared data folder, `../shared/data` next to the repository. */
export const SHARED_DATA_DIR = join(REPO_ROOT, "..", "shared", "data");

/** The shared event logs folder, `../shared/data/eventlogs` next to the repository. */
export const EVENTLOGS_DIR = join(SHARED_DATA_DIR, "eventlogs");

/** True when the shared event logs are present. */
export const sharedLogsPresent = existsSync(join(EVENTLOGS_DIR, "running-example.csv"));

/**
 * Describes a suite that reads the shared event logs. Without them the suite is skipped with a
 * visible message, except under WAYLINE_REQUIRE_SERVICES=1, where their absence is a failing test.
 */
export function describeWithSharedLogs(name: string, fn: () => void): void {
  describeWithService(`the shared event logs (${EVENTLOGS_DIR})`, sharedLogsPresent, name, fn);
}

/** Reference figures from PRODUCT.md §4: events, cases, activities, variants. */
export const REFERENCE_FIGURES = [
  { file: "running-example.csv", events: 42, cases: 6, activities: 8, variants: 6 },
  { file: "running-example.xes", events: 42, cases: 6, activities: 8, variants: 6 },
  { file: "receipt.csv", events: 8577, cases: 1434, activities: 27, variants: 116 },
  { file: "roadtraffic100traces.csv", events: 390, cases: 100, activities: 10, variants: 10 },
  { file: "roadtraffic100traces.xes", events: 390, cases: 100, activities: 10, variants: 10 },
] as const;
