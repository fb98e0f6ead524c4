import type { DataConversion } from "../hierarchy/conversion.ts";
import { emotionSparkline, type MapFigures, type Sparkline } from "../hierarchy/map-figures.ts";
import type { PersonaId } from "../model/ids.ts";
import type { JourneyMap, MapKind, MapStatus } from "../model/journey-map.ts";
import { sameOwner } from "../portfolio/attention.ts";
import { comparePhases, lifecyclePhaseOf, phaseLabel } from "./lifecycle.ts";

/** One map as a tile of the atlas, seen from one persona's row. */
export interface AtlasTile {
  mapId: string;
  title: string;
  kind: MapKind;
  status: MapStatus;
  owner: string;
  tags: string[];
  /** Health score 0–100 with the workspace settings. */
  healthScore: number;
  /** Open or in-progress pain points. */
  openPainPoints: number;
  /** Share of cards backed by evidence (observed/validated or citing research), 0–1. */
  evidenceShare: number;
  /** Cards backed by evidence, and all cards. */
  evidenceCards: number;
  cards: number;
  /** Past its review cadence or citing stale research. */
  stale: boolean;
  /** The row persona's emotion curve per stage (the map's first curve when that persona has none). */
  sparkline: Sparkline | null;
  /** Conversion on the map's linked event log, when it has one. */
  conversion: DataConversion | null;
}

/** A cell entry: a map and, beside it, its future-state counterpart when that is in the same cell. */
export interface AtlasEntry {
  tile: AtlasTile;
  future: AtlasTile | null;
}

/** A row of the matrix: a persona (null = maps without a persona). */
export interface AtlasRow {
  personaId: string | null;
  name: string;
  /** One cell per column, in column order. */
  cells: AtlasEntry[][];
}

/** A column: a lifecycle phase (`""` = maps without a `lifecycle:` tag). */
export interface AtlasColumn {
  phase: string;
  label: string;
}

/** Filters of the atlas. */
export interface AtlasFilter {
  personaId?: string | undefined;
  tag?: string | undefined;
  owner?: string | undefined;
  status?: MapStatus | undefined;
  /** Only stale maps. */
  stale?: boolean | undefined;
}

/** The atlas: personas × lifecycle phases. */
export interface Atlas {
  columns: AtlasColumn[];
  rows: AtlasRow[];
  /** Maps shown (after filters), each counted once. */
  mapCount: number;
  /** Of those, stale maps. */
  staleCount: number;
  /** Values the filters can take, from every map of the workspace. */
  options: { tags: string[]; owners: string[] };
}

/** What the atlas needs besides the maps. */
export interface AtlasInput {
  maps: readonly JourneyMap[];
  personas: readonly { id: string; name: string }[];
  figures: (map: JourneyMap) => MapFigures;
  conversion: (map: JourneyMap) => DataConversion | null;
  filter?: AtlasFilter;
}

function keep(map: JourneyMap, f: AtlasFilter, figures: MapFigures): boolean {
  if (f.personaId && !map.personaIds.includes(f.personaId as never)) return false;
  if (f.tag && !map.tags.some((t) => t.toLowerCase() === f.tag?.toLowerCase())) return false;
  if (f.owner && !sameOwner(map.owner || null, f.owner)) return false;
  if (f.status ? map.status !== f.status : map.status === "archived") return false;
  return !f.stale || figures.stale;
}

function tile(map: JourneyMap, personaId: string | null, input: AtlasInput, figures: MapFigures): AtlasTile {
  return {
    mapId: map.id,
    title: map.title,
    kind: map.kind,
    status: map.status,
    owner: map.owner,
    tags: map.tags,
    healthScore: figures.healthScore,
    openPainPoints: figures.openPainPoints,
    evidenceShare: figures.evidenceShare,
    evidenceCards: figures.evidenceCards,
    cards: figures.cards,
    stale: figures.stale,
    sparkline: emotionSparkline(map, personaId as PersonaId | null),
    conversion: input.conversion(map),
  };
}

/** Pairs each current map with its future-state counterpart found in the same cell. */
function pairUp(maps: readonly JourneyMap[], make: (m: JourneyMap) => AtlasTile): AtlasEntry[] {
  const ids = new Set(maps.map((m) => m.id as string));
  const paired = new Set<string>();
  const entries: AtlasEntry[] = [];
  for (const m of maps) {
    if (m.kind === "future_state" && m.counterpartId && ids.has(m.counterpartId)) continue;
    const future = maps.find(
      (f) => f.kind === "future_state" && f.counterpartId === m.id && !paired.has(f.id),
    );
    if (future) paired.add(future.id);
    entries.push({ tile: make(m), future: future ? make(future) : null });
  }
  return entries.sort((a, b) => a.tile.title.localeCompare(b.tile.title));
}

/**
 * Builds the matrix: a row per persona of the workspace (and one for maps without a persona
 * when there are some), a column per lifecycle phase in use; a map with several personas is in
 * each of their rows. Archived maps are left out unless the status filter asks for them. Pure.
 */
export function buildAtlas(input: AtlasInput): Atlas {
  const f = input.filter ?? {};
  const figures = new Map(input.maps.map((m) => [m.id as string, input.figures(m)]));
  const fig = (m: JourneyMap) => figures.get(m.id) as MapFigures;
  const shown = input.maps.filter((m) => keep(m, f, fig(m)));
  const phases = [...new Set(shown.map(lifecyclePhaseOf))].sort(comparePhases);
  const columns = phases.map((phase) => ({ phase, label: phaseLabel(phase, phases.length === 1) }));
  const rowKeys: { personaId: string | null; name: string }[] = input.personas.map((p) => ({
    personaId: p.id,
    name: p.name,
  }));
  if (shown.some((m) => m.personaIds.length === 0)) rowKeys.push({ personaId: null, name: "No persona" });
  const rows = rowKeys
    .filter((r) => !f.personaId || r.personaId === f.personaId)
    .map((r) => {
      const mine = shown.filter((m) =>
        r.personaId ? m.personaIds.includes(r.personaId as never) : m.personaIds.length === 0,
      );
      return {
        ...r,
        cells: phases.map((phase) =>
          pairUp(
            mine.filter((m) => lifecyclePhaseOf(m) === phase),
            (m) => tile(m, r.personaId, input, fig(m)),
          ),
        ),
      };
    });
  const owners = [...new Set(input.maps.map((m) => m.owner.trim()).filter(Boolean))].sort();
  const tags = [...new Set(input.maps.flatMap((m) => m.tags))].sort();
  return {
    columns,
    rows,
    mapCount: new Set(
      rows.flatMap((r) =>
        r.cells.flat().flatMap((e) => [e.tile.mapId, ...(e.future ? [e.future.mapId] : [])]),
      ),
    ).size,
    staleCount: new Set(
      rows.flatMap((r) =>
        r.cells
          .flat()
          .flatMap((e) => [e.tile, ...(e.future ? [e.future] : [])])
          .filter((t) => t.stale)
          .map((t) => t.mapId),
      ),
    ).size,
    options: { tags, owners },
  };
}
