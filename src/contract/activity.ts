import { z } from "zod";
import { text } from "../domain/model/text.ts";

// The activity log, `GET /api/journeys/:id/activity` and `GET /api/activity` (docs/api.md "Activity").
export type { ActivityEntry, ActivityPage } from "../services/activity/activity-service.ts";

/** Kind families the filter offers (an exact kind such as `stage.renamed` works too). */
export const ACTIVITY_KIND_FAMILIES = ["map", "phase", "stage", "lane", "card", "emotion"] as const;

const isoInstant = z.union([z.iso.datetime({ offset: true }), z.iso.date()]);

/** Query of both activity listings. */
export const ActivityQuery = z.strictObject({
  /** Only this actor's entries (`user:<id>`, `guest:<link>:<name>` or `system`; see `/api/activity/actors`). */
  member: text().min(1).max(300).optional(),
  /** A kind family (`stage`) or an exact kind (`stage.renamed`). */
  kind: text()
    .regex(/^[a-z]+(\.[a-z_]+)?$/, "expected a kind such as stage or stage.renamed")
    .max(60)
    .optional(),
  /** Entries made at or after this time (ISO 8601 date or date-time). */
  from: isoInstant.optional(),
  /** Entries made before this time (ISO 8601 date or date-time). */
  to: isoInstant.optional(),
  /** The `nextCursor` of the previous page. */
  cursor: text().min(1).max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** Query of `GET /api/activity`: the listing's filters and one map. */
export const WorkspaceActivityQuery = ActivityQuery.extend({
  /** Only this map's entries. */
  map: text().min(1).max(200).optional(),
});

/** Answer of `GET /api/activity/actors`: who appears in the log (the member filter). */
export interface ActivityActorsView {
  actors: { key: string; name: string }[];
}
