import { z } from "zod";
import type { JourneyMap } from "../domain/index.ts";
import type { DraftMap } from "../domain/journey-data/index.ts";
import { text } from "../domain/model/text.ts";
import type { MapView } from "./journeys.ts";

// `POST /api/logs/:id/draft-map` (docs/api.md): a map proposed from an imported log.

/** Query of `POST /api/logs/:id/draft-map`: `save=1` creates the map, otherwise nothing is written. */
export const DraftMapQuery = z.strictObject({
  save: z.enum(["0", "1", "true", "false"]).optional(),
});

/** Body of `POST /api/logs/:id/draft-map`: the reviewer's changes (all optional). */
export const DraftMapBody = z.strictObject({
  /** Map title (default "Journey from <log name>"). */
  title: text().trim().min(1).max(200).optional(),
  /** New names of proposed stages, by their proposed id (`d-stage-1` …). */
  stageNames: z.record(z.string().regex(/^d-stage-\d{1,3}$/), text().trim().min(1).max(200)).optional(),
  /** Event attribute holding the channel (default: the first of channel, via, source, medium … the log carries). */
  channel: text().trim().min(1).max(200).optional(),
});

/** Body of the request as a client sends it. */
export type DraftMapRequest = z.input<typeof DraftMapBody>;

/** Answer without `save`: the proposal. */
export interface DraftMapProposal {
  logId: string;
  logName: string;
  /** The map as it would be created (not saved; its id is a placeholder). */
  map: JourneyMap;
  draft: DraftMap;
}

/** Answer with `save=1` (201): the created map. */
export interface DraftMapSaved {
  map: MapView;
}
