import type { JourneyMap } from "../../domain/index.ts";
import type { JourneyService } from "../journey-service.ts";

/** Page size when reading a whole workspace. */
const PAGE = 200;

/**
 * Every map of a workspace, newest first, read through the journey service (the same read path
 * as `GET /api/journeys/:id`). Cross-map views (needs attention, portfolio, atlas) start here.
 */
export async function loadWorkspaceMaps(journeys: JourneyService, ws: string): Promise<JourneyMap[]> {
  const ids: string[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await journeys.list(ws, { limit: PAGE, offset });
    ids.push(...page.map((s) => s.id));
    if (page.length < PAGE) break;
  }
  const maps: JourneyMap[] = [];
  for (const id of ids) maps.push((await journeys.get(ws, id)).map);
  return maps;
}
