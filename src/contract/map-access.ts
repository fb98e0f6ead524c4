import { z } from "zod";

/** Most members one map's access list may name (a restricted map is for a few named people). */
export const MAP_ACCESS_MAX_MEMBERS = 200;

/** Body of `PUT /api/journeys/:id/access`: restrict the map to named members, or open it again. */
export const MapAccessSchema = z.strictObject({
  /** True: only `userIds` (and the workspace's owners and admins) may open the map. */
  restricted: z.boolean(),
  /** Members the map is open to when restricted (user ids of workspace members). */
  userIds: z.array(z.string().min(1).max(100)).max(MAP_ACCESS_MAX_MEMBERS),
});
/** Input of changing a map's access list. */
export type MapAccessInput = z.input<typeof MapAccessSchema>;

/** One person who may open a map, and why. */
export interface MapAccessMember {
  userId: string;
  email: string;
  name: string;
  role: string;
  /** `listed` on the access list, `role` (owner/admin: always), `workspace` (the map is not restricted). */
  via: "listed" | "role" | "workspace";
}

/** Answer of `GET`/`PUT /api/journeys/:id/access`. */
export interface MapAccessView {
  restricted: boolean;
  /** The access list as stored (user ids). */
  userIds: string[];
  /** Who may open the map now. */
  members: MapAccessMember[];
}
