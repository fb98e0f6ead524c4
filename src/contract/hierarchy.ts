import type { HierarchyReport } from "../domain/hierarchy/index.ts";

// Journey hierarchy of one map, `GET /api/journeys/:id/hierarchy` (docs/api.md).
// Links are written with the map commands `linkSubJourney` / `unlinkSubJourney`
// (`POST /api/journeys/:id/commands`), which refuse maps outside the workspace and cycles.

/** Answer of `GET /api/journeys/:id/hierarchy`: parents, breadcrumb and per-stage roll-ups. */
export type HierarchyView = HierarchyReport;
