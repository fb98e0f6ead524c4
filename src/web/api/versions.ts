import type { MapView } from "../../contract/journeys.ts";
import { request } from "./request.ts";

/** A saved version of a map (history listing). */
export interface VersionItem {
  id: string;
  kind: "auto" | "named" | "restore";
  label: string;
  mapVersion: number;
  authors: string[];
  summary: string;
  createdAt: string;
}

/** A version with its map and its difference from the map now. */
export interface VersionDetail extends VersionItem {
  map: MapView;
  diffToNow: {
    stages: { added: { name: string }[]; removed: { name: string }[]; matched: { changes: unknown[] }[] };
    cards: {
      stageName: string;
      added: { text: string }[];
      removed: { text: string }[];
      changed: unknown[];
    }[];
    emotion: { stageName: string; delta: number | null }[];
  };
}

const base = (id: string) => `/api/journeys/${encodeURIComponent(id)}/versions`;

/** Typed client of the version history API (docs/api.md). */
export const versionsApi = {
  list: (id: string) => request<VersionItem[]>("GET", base(id)),
  save: (id: string, label: string) => request<VersionItem>("POST", base(id), { body: { label } }),
  get: (id: string, vid: string) => request<VersionDetail>("GET", `${base(id)}/${encodeURIComponent(vid)}`),
  restore: (id: string, vid: string) =>
    request<MapView>("POST", `${base(id)}/${encodeURIComponent(vid)}/restore`),
};
