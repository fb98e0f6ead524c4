import { invalid, type Problem } from "../errors.ts";
import { defaultFields } from "../model/card.ts";
import { type Channel, ChannelSchema } from "../model/channels.ts";
import { DEFAULT_EMOTION_SCALE, type EmotionScale } from "../model/emotion-scale.ts";
import type { CardId, LaneId, MapId, PersonaId, StageId } from "../model/ids.ts";
import { defaultProperties, type JourneyMap } from "../model/journey-map.ts";
import { cardKindOf, LANE_TYPES, type LaneType } from "../model/lane-types.ts";
import { createPersona, type Persona } from "../model/persona.ts";
import { initialKeys, sortOrdered } from "../ordering.ts";
import { guessLaneType } from "./lane-guess.ts";
import { canonicalMap } from "./mermaid.ts";
import { NATIVE_FORMAT_VERSION } from "./native.ts";
import type { ImportContext, ImportResult } from "./transfer.ts";

/** A sheet as rows of cell texts. */
export type Grid = string[][];

/** Spreadsheet column letters: 0 → A, 26 → AA. */
export function columnName(i: number): string {
  let n = i + 1;
  let s = "";
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Text of an emotion cell: the level, then the reason. */
const emotionCell = (p: { value: number; reason: string } | null) =>
  p === null ? "" : p.reason ? `${p.value} — ${p.reason}` : String(p.value);

/**
 * The grid of a map: the title then the stage names across the top, a row per lane with one card
 * per line in each cell, and a row per persona curve for the emotion lane ("2 — reason").
 */
export function mapToGrid(map: JourneyMap, personas: readonly Persona[]): Grid {
  const stages = sortOrdered(map.stages);
  const rows: Grid = [[map.title, ...stages.map((s) => s.name)]];
  const names = new Map(personas.map((p) => [p.id as string, p.name]));
  for (const lane of sortOrdered(map.lanes)) {
    const name = lane.name || LANE_TYPES[lane.type].label;
    if (lane.type === "emotion") {
      const owners: (string | null)[] = lane.personaId
        ? [lane.personaId]
        : map.personaIds.length
          ? map.personaIds
          : [null];
      for (const owner of owners) {
        const label = owner ? `${name} (${names.get(owner) ?? "persona"})` : name;
        rows.push([
          label,
          ...stages.map((s) =>
            emotionCell(
              map.emotionPoints.find((e) => e.stageId === s.id && !e.stepId && e.personaId === owner) ?? null,
            ),
          ),
        ]);
      }
      continue;
    }
    rows.push([
      name,
      ...stages.map((s) =>
        map.cards
          .filter((c) => c.laneId === lane.id && c.stageId === s.id)
          .map((c) => c.text.replace(/\r?\n/g, " "))
          .join("\n"),
      ),
    ]);
  }
  return rows;
}

/** A lane as the import will create it. */
export interface GridLanePreview {
  /** 1-based row of the lane in the sheet. */
  row: number;
  /** Lane name (the row's first cell). */
  name: string;
  /** Type that will be used. */
  type: LaneType;
  /** True when the type was guessed from the name (false: chosen by the caller, or the text default). */
  guessed: boolean;
  /** Cards (or emotion points) the row holds. */
  items: number;
}

/** What a spreadsheet import will create, shown before anything is created. */
export interface GridPreview {
  title: string;
  stages: string[];
  lanes: GridLanePreview[];
  emotionScale: { min: number; max: number };
}

/** Options of a grid import. */
export interface GridImportOptions {
  /** Sheet name used in problem locations (`Grid!C4`). */
  sheet: string;
  /** Lane types chosen in the preview, by 1-based sheet row (they override the guess). */
  laneTypes?: Readonly<Record<number, LaneType>>;
}

/** "Emotion curve (Eva Moline)": an emotion row of one persona. */
const PERSONA_SUFFIX = /^(.*?)\s*\(([^()]+)\)\s*$/;
const emotionBase = (name: string) => PERSONA_SUFFIX.exec(name)?.[1] || name;
const emotionOwner = (name: string) => PERSONA_SUFFIX.exec(name)?.[2]?.trim().slice(0, 120) ?? null;

const EMOTION = /^\s*([-+−]?\d+(?:[.,]\d+)?)\s*(?:[—–:-]\s*(.*))?$/s;

function parseEmotion(cell: string): { value: number; reason: string } | null {
  const m = EMOTION.exec(cell);
  if (!m) return null;
  return {
    value: Number((m[1] ?? "").replace("−", "-").replace(",", ".")),
    reason: (m[2] ?? "").trim().slice(0, 300),
  };
}

/** The scale that holds every value: the default −3…+3, else 1–5, 1–10, 0–10, else their range. */
function scaleFor(values: number[]): EmotionScale {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  if (!values.length || (lo >= -3 && hi <= 3)) return DEFAULT_EMOTION_SCALE;
  for (const [min, max] of [
    [1, 5],
    [1, 7],
    [1, 10],
    [0, 10],
  ] as const)
    if (lo >= min && hi <= max) return { min, max, levels: [] };
  const min = Math.max(-10, Math.floor(lo));
  return { min, max: Math.max(min + 1, Math.min(min + 20, Math.ceil(hi))), levels: [] };
}

/** The channel a card text names (e.g. "E-mail" → email), else "other". */
function channelOf(text: string): Channel {
  const t = text.toLowerCase().replace(/[^a-z]/g, "");
  const hit = ChannelSchema.options.find((c) => t.includes(c.replace(/_/g, "")));
  if (hit) return hit;
  if (/app|mobil/.test(t)) return "mobile_app";
  if (/site|online|website/.test(t)) return "web";
  if (/store|shop|laden|magasin|tienda/.test(t)) return "in_store";
  if (/mail/.test(t)) return "email";
  return "other";
}

function trimGrid(rows: Grid): Grid {
  const t = rows.map((r) => r.map((c) => (c ?? "").trim()));
  while (t.length && t[t.length - 1]?.every((c) => c === "")) t.pop();
  const width = Math.max(0, ...t.map((r) => r.findLastIndex((c) => c !== "") + 1));
  return t.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ""));
}

/** Reads a team's spreadsheet grid: stage names across row 1, lane names down column A, one card per line. */
export function gridToMap(
  raw: Grid,
  ctx: ImportContext,
  opts: GridImportOptions,
): ImportResult & { preview: GridPreview } {
  const rows = trimGrid(raw);
  const at = (r: number, c: number) => `${opts.sheet}!${columnName(c)}${r + 1}`;
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  // NUL bytes are refused at every boundary (PostgreSQL cannot store them): name each cell.
  rows.forEach((r, ri) =>
    r.forEach((c, ci) => {
      if (c.includes("\u0000"))
        problems.push({ path: at(ri, ci), message: "must not contain NUL (U+0000) characters" });
    }),
  );
  if (problems.length) throw invalid("invalid_document", "the spreadsheet cannot be imported", problems);
  const header = rows[0] ?? [];
  if (header.length < 2)
    throw invalid("invalid_document", "not a journey grid", [
      { path: at(0, 1), message: "row 1 needs stage names from column B on" },
    ]);
  const stageNames = header.slice(1).map((n, i) => {
    if (n) return n.slice(0, 200);
    warnings.push({ path: at(0, i + 1), message: `no stage name; called "Stage ${i + 1}"` });
    return `Stage ${i + 1}`;
  });
  const laneRows = rows.slice(1).flatMap((r, i) => {
    const name = r[0] ?? "";
    if (name) return [{ row: i + 1, name: name.slice(0, 200), cells: r.slice(1) }];
    if (r.some((c) => c))
      problems.push({ path: at(i + 1, 0), message: "cells without a lane name in column A" });
    return [];
  });
  const planned = laneRows.map((l) => {
    const chosen = opts.laneTypes?.[l.row + 1];
    const guess = guessLaneType(l.name);
    let type: LaneType = chosen ?? guess ?? "text";
    const filled = l.cells.map((c, i) => ({ c, i })).filter(({ c }) => c);
    if (type === "emotion" && filled.some(({ c }) => !parseEmotion(c))) {
      if (chosen === "emotion")
        for (const { c, i } of filled)
          if (!parseEmotion(c))
            problems.push({
              path: at(l.row, i + 1),
              message: `"${c.slice(0, 40)}" is not an emotion level (a number, then an optional reason)`,
            });
      if (!chosen) {
        type = "feels";
        warnings.push({
          path: at(l.row, 0),
          message: `"${l.name}" has cells that are not numbers; imported as a Feels lane`,
        });
      }
    }
    return { ...l, type, guessed: !chosen && guess === type };
  });
  if (problems.length) throw invalid("invalid_document", "the spreadsheet cannot be imported", problems);
  return build(planned, stageNames, header[0] || ctx.fallbackTitle || "Imported journey", ctx, warnings);
}

function build(
  planned: { row: number; name: string; type: LaneType; guessed: boolean; cells: string[] }[],
  stageNames: string[],
  title: string,
  ctx: ImportContext,
  warnings: Problem[],
): ImportResult & { preview: GridPreview } {
  const id = ctx.newId;
  const stageKeys = initialKeys(stageNames.length);
  const stages = stageNames.map((name, i) => ({
    id: id() as StageId,
    name,
    order: stageKeys[i] as string,
    phaseId: null,
    description: "",
    momentOfTruth: false,
    subJourneyIds: [],
    steps: [],
  }));
  const values = planned
    .filter((l) => l.type === "emotion")
    .flatMap((l) => l.cells.flatMap((c) => parseEmotion(c)?.value ?? []));
  const scale = scaleFor(values);
  const laneKeys = initialKeys(planned.length);
  const map: JourneyMap = {
    ...defaultProperties(title.slice(0, 200), "current_state"),
    emotionScale: scale,
    id: id() as MapId,
    personaIds: [],
    phases: [],
    stages,
    lanes: [],
    cards: [],
    emotionPoints: [],
    activityRules: [],
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  const lanes: GridLanePreview[] = [];
  const emotionSeen = new Set<string>();
  const emotionLanes = new Map<string, LaneId>();
  const personas: Persona[] = [];
  planned.forEach((l, li) => {
    const split = l.type === "emotion" ? PERSONA_SUFFIX.exec(l.name) : null;
    const base = split?.[1] || l.name;
    let personaId: PersonaId | null = null;
    if (split?.[2]) {
      const name = split[2].trim().slice(0, 120);
      const known = personas.find((p) => p.name === name);
      const p = known ?? createPersona({ name }, { id: id() as PersonaId, now: ctx.now });
      if (!known) personas.push(p);
      personaId = p.id;
    }
    const reuse = split ? emotionLanes.get(base) : undefined;
    const laneId = reuse ?? (id() as LaneId);
    if (!reuse) {
      map.lanes.push({
        id: laneId,
        type: l.type,
        name: split ? base : l.name,
        order: laneKeys[li] as string,
        collapsed: false,
        personaId: null,
      });
      if (split) emotionLanes.set(base, laneId);
    }
    let items = 0;
    l.cells.forEach((cell, si) => {
      const stage = stages[si];
      if (!cell || !stage) return;
      if (l.type === "emotion") {
        const e = parseEmotion(cell);
        const key = `${personaId}|${stage.id}`;
        if (!e || emotionSeen.has(key)) {
          if (e)
            warnings.push({
              path: `row ${l.row + 1}`,
              message: "a second emotion row for the same curve; kept the first",
            });
          return;
        }
        emotionSeen.add(key);
        const value = Math.min(scale.max, Math.max(scale.min, Math.round(e.value)));
        if (value !== e.value)
          warnings.push({ path: `row ${l.row + 1}`, message: `emotion ${e.value} stored as ${value}` });
        map.emotionPoints.push({
          personaId,
          stageId: stage.id,
          stepId: null,
          value,
          emoji: null,
          reason: e.reason,
          isSample: false,
        });
        items++;
        return;
      }
      const kind = cardKindOf(l.type) ?? "note";
      const texts = cell
        .split(/\r?\n/)
        .map((t) => t.trim())
        .filter(Boolean);
      const keys = initialKeys(texts.length);
      texts.forEach((text, k) => {
        map.cards.push({
          id: id() as CardId,
          laneId,
          stageId: stage.id,
          stepId: null,
          order: keys[k] as string,
          text: text.slice(0, 10_000),
          color: null,
          confidence: "assumed",
          evidence: [],
          isSample: false,
          fields: kind === "channel" ? { kind, channel: channelOf(text) } : defaultFields(kind),
        });
        items++;
      });
    });
    lanes.push({ row: l.row + 1, name: l.name, type: l.type, guessed: l.guessed, items });
  });
  map.personaIds = personas.map((p) => p.id);
  for (const laneId of emotionLanes.values()) {
    const lane = map.lanes.find((l) => l.id === laneId);
    const owners = new Set(
      planned
        .filter((l) => l.type === "emotion" && emotionBase(l.name) === lane?.name)
        .map((l) => emotionOwner(l.name)),
    );
    const only = [...owners][0];
    const persona = personas.find((p) => p.name === only);
    if (lane && owners.size === 1 && persona) lane.personaId = persona.id;
  }
  const canonical = canonicalMap(map);
  return {
    document: {
      format: "wayline",
      version: NATIVE_FORMAT_VERSION,
      exportedAt: ctx.now,
      map: canonical,
      personas,
    },
    warnings,
    preview: {
      title: canonical.title,
      stages: stageNames,
      lanes,
      emotionScale: { min: scale.min, max: scale.max },
    },
  };
}
