import type { MapKind, MapStatus } from "../model/journey-map.ts";
import type { DataConversion } from "./conversion.ts";

/** A map named in the hierarchy. */
export interface MapRef {
  /** Map id. */
  mapId: string;
  /** Map title. */
  title: string;
}

/** A parent of the map: a stage of another map that zooms into it. */
export interface ParentLink extends MapRef {
  /** The parent's stage linking here. */
  stageId: string;
  /** Its name. */
  stageName: string;
}

/** A linked child with its roll-up figures. */
export interface ChildRollup extends MapRef {
  /** False when the link points to a map that was deleted (the link can be removed). */
  exists: boolean;
  /** Kind and status of the child (null when it no longer exists). */
  kind: MapKind | null;
  status: MapStatus | null;
  /** The child's health score with the workspace settings. */
  healthScore: number | null;
  /** Open pain points of the child and of every map below it (each map counted once). */
  openPainPoints: number;
  /** Maps below the child (its own sub-journeys, recursively). */
  descendants: number;
  /** Conversion measured on the child's linked log, when it has one. */
  conversion: DataConversion | null;
}

/** The roll-up of one linked stage of the map. */
export interface StageRollup {
  /** Stage id. */
  stageId: string;
  /** Stage name. */
  stageName: string;
  /** The stage's sub-journeys in link order. */
  children: ChildRollup[];
  /** Lowest health score among the children (the one needing attention), null when none exists. */
  healthScore: number | null;
  /** Open pain points below the stage (each map counted once). */
  openPainPoints: number;
}

/** `GET /api/journeys/:id/hierarchy`: where the map sits and what its children roll up to. */
export interface HierarchyReport {
  /** The map itself. */
  map: MapRef;
  /** Stages of other maps zooming into this one. */
  parents: ParentLink[];
  /**
   * The way back up, root first, ending at the direct parent (following the first parent of
   * each map; empty for a top-level map). Cycle-safe.
   */
  breadcrumb: ParentLink[];
  /** Linked stages in map order. */
  stages: StageRollup[];
}
