import { existsSync } from "node:fs";
import { join } from "node:path";

/** The shared event logs folder, `../shared/data/eventlogs` relative to the project root. */
export const EVENTLOGS_DIR = join(process.cwd(), "..", "shared", "data", "eventlogs");

/** True when the shared event logs are present; logs a visible skip message otherwise. */
export function sharedLogsAvailable(): boolean {
  const ok = existsSync(join(EVENTLOGS_DIR, "running-example.csv"));
  if (!ok)
    console.warn(`[skip] shared event logs not found at ${EVENTLOGS_DIR}; tests that use them are skipped`);
  return ok;
}

/** Reference figures from PRODUCT.md §4: events, cases, activities, variants. */
export const REFERENCE_FIGURES = [
  { file: "running-example.csv", events: 42, cases: 6, activities: 8, variants: 6 },
  { file: "running-example.xes", events: 42, cases: 6, activities: 8, variants: 6 },
  { file: "receipt.csv", events: 8577, cases: 1434, activities: 27, variants: 116 },
  { file: "roadtraffic100traces.csv", events: 390, cases: 100, activities: 10, variants: 10 },
  { file: "roadtraffic100traces.xes", events: 390, cases: 100, activities: 10, variants: 10 },
] as const;
