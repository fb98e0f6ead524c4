import type { Atlas } from "../domain/atlas/index.ts";
import { AtlasFilterSchema } from "../domain/atlas/index.ts";

// The atlas of a workspace, `GET /api/atlas` (docs/api.md).

/** Query of `GET /api/atlas`: `personaId`, `tag`, `owner`, `status`, `stale`. */
export const AtlasQuery = AtlasFilterSchema;

/** Answer of `GET /api/atlas`: columns (lifecycle phases), rows (personas) of cells of tiles. */
export type AtlasView = Atlas & { today: string };
