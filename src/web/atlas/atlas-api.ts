import type { AtlasView } from "../../contract/atlas.ts";
import type { HierarchyView } from "../../contract/hierarchy.ts";
import type { AtlasFilter } from "../../domain/atlas/index.ts";
import { request } from "../api/request.ts";

export type { AtlasEntry, AtlasFilter, AtlasTile } from "../../domain/atlas/index.ts";
export type { ChildRollup, StageRollup } from "../../domain/hierarchy/index.ts";
export type { AtlasView, HierarchyView };

/** Typed client of the atlas and hierarchy endpoints (docs/api.md). */
export const atlasApi = {
  /** `GET /api/atlas`: personas × lifecycle phases. */
  atlas: (f: AtlasFilter = {}) =>
    request<AtlasView>("GET", "/api/atlas", {
      query: {
        personaId: f.personaId,
        tag: f.tag,
        owner: f.owner,
        status: f.status,
        stale: f.stale ? "1" : undefined,
      },
    }),
  /** `GET /api/journeys/:id/hierarchy`: parents, breadcrumb, roll-ups of linked stages. */
  hierarchy: (mapId: string) =>
    request<HierarchyView>("GET", `/api/journeys/${encodeURIComponent(mapId)}/hierarchy`),
};
