import type * as Y from "yjs";
import type { z } from "zod";
import {
  applyCommands,
  type CommandBatch,
  createMapDoc,
  findConflicts,
  fromYDoc,
  type JourneyMap,
  loadMapDoc,
  type MapCommand,
  type MapId,
  type MapKind,
  type MapPatchSchema,
  type NativeDocument,
  newId,
  type Persona,
  parseNativeDocument,
  toNativeDocument,
  toYDoc,
  WaylineError,
} from "../domain/index.ts";
import { buildTemplate } from "../domain/templates/index.ts";
import type { JourneyFilter, JourneySummary, StoredJourney } from "../storage/journeys.ts";
import type { UnitOfWork } from "../storage/store.ts";
import { checkNewLinks, linksInCommands, linksInMap, type MapLoader } from "./hierarchy/link-check.ts";
import { type LockedEdit, type MapWriter, rowWriter } from "./map-writer.ts";

/** A map as clients see it: the plain map, its personas and its version. */
export interface JourneyView {
  map: JourneyMap;
  personas: Persona[];
  version: number;
}

/** How to create a map: blank with a title and kind, or from a built-in template. */
export type CreateJourneyInput =
  | { title: string; kind: MapKind }
  | { templateId: string; title?: string | undefined };

/**
 * Told after every stored change made through the service, with the map before and after it:
 * `before` is null for a created (or imported) map, `after` null for a deleted one.
 */
export type EditObserver = (
  ws: string,
  before: JourneyMap | null,
  after: JourneyMap | null,
) => Promise<unknown>;

/** Use cases on journey maps; the REST API and the CLI both call these. */
export class JourneyService {
  private writer: MapWriter;
  private observer: EditObserver | null = null;

  constructor(
    private readonly store: UnitOfWork,
    private readonly clock: () => string = () => new Date().toISOString(),
  ) {
    this.writer = rowWriter(store);
  }

  /** Runs an edit on a stored map as its next version, through the live map when it is open. */
  edit: MapWriter["edit"] = (ws, id, edit) => this.observed(ws, id, edit);

  /** Tells `o` of every later edit (the activity log); its failure never fails the edit. */
  observeEdits(o: EditObserver): void {
    this.observer = o;
  }

  private async observed<T>(ws: string, id: string, edit: LockedEdit<T>) {
    const observer = this.observer;
    if (!observer) return this.writer.edit(ws, id, edit);
    let before: JourneyMap | null = null;
    const out = await this.writer.edit(ws, id, async (doc, current, repos) => {
      // The document as the edit finds it (live edits of others included): the diff is this edit's alone.
      before = fromYDoc(doc, { validate: false });
      return edit(doc, current, repos);
    });
    if (out && before) await this.tell(ws, id, before, out.stored.map);
    return out;
  }

  private async tell(ws: string, id: string, before: JourneyMap | null, after: JourneyMap | null) {
    await this.observer?.(ws, before, after).catch((e) =>
      console.error(`recording the activity of map ${id} failed: ${(e as Error).message}`),
    );
  }

  /** Sends every later edit through the live maps (collaboration), so open editors see it at once. */
  routeEditsThrough(writer: MapWriter): void {
    this.writer = writer;
  }

  /** Lists maps with filters. */
  list(ws: string, filter: JourneyFilter): Promise<JourneySummary[]> {
    return this.store.journeys.list(ws, filter);
  }

  /** One map with its personas (the live map when it is open); `not_found` when absent. */
  async get(ws: string, id: string): Promise<JourneyView> {
    const live = await this.writer.live?.(ws, id);
    // The stored read applies the caller's map visibility; the live copy is checked the same way.
    if (live && (await this.store.journeys.hidden(ws, id)))
      throw new WaylineError("not_found", `no journey map with id "${id}"`);
    return this.view(ws, live ?? (await this.mustGet(ws, id)));
  }

  /** Creates a blank map or one from a template (its personas are added to the workspace). */
  async create(ws: string, input: CreateJourneyInput): Promise<JourneyView> {
    const now = this.clock();
    if ("templateId" in input) {
      const { map, personas } = buildTemplate(input.templateId, { now });
      const doc = toYDoc(input.title ? { ...map, title: input.title } : map);
      return this.insert(ws, doc, personas);
    }
    return this.insert(ws, createMapDoc(input.title, input.kind, { now }), []);
  }

  /** Creates a map built by a command batch on a blank map (a draft from data), all or nothing. */
  async createFromCommands(
    ws: string,
    input: { title: string; kind: MapKind },
    commands: readonly MapCommand[],
  ): Promise<JourneyView> {
    const now = this.clock();
    const doc = createMapDoc(input.title, input.kind, { now });
    if (commands.length > 0) applyCommands(doc, commands, { now });
    return this.insert(ws, doc, []);
  }

  /** Changes map properties (title, kind, status, goal …) through the `setMapProperties` command. */
  async patch(
    ws: string,
    id: string,
    patch: z.infer<typeof MapPatchSchema>,
    baseVersion?: number,
  ): Promise<JourneyView> {
    const current = await this.mustGet(ws, id);
    return (
      await this.apply(ws, id, {
        baseVersion: baseVersion ?? current.version,
        commands: [{ type: "setMapProperties", patch }],
      })
    ).view;
  }

  /**
   * Applies a command batch atomically. A batch based on an older version is still applied when
   * nothing it reads or writes was written since; otherwise `conflict` (409) with the current version.
   */
  async apply(
    ws: string,
    id: string,
    batch: CommandBatch,
  ): Promise<{ view: JourneyView; created: string[] }> {
    await this.checkPersonas(ws, batch.commands);
    const links = linksInCommands(batch.commands);
    if (links.length > 0)
      await checkNewLinks(await this.mustGet(ws, id).then((s) => s.map), links, this.loader(ws));
    // The row is locked before the writes since the base are read: nothing can slip in between.
    const out = await this.edit(ws, id, async (doc, current, repos) => {
      if (batch.baseVersion > current.version)
        throw this.conflict(current.version, `baseVersion ${batch.baseVersion} is ahead of the map`);
      const theirs =
        batch.baseVersion < current.version ? await repos.journeys.writesSince(id, batch.baseVersion) : [];
      const r = applyCommands(doc, batch.commands, { now: this.clock() });
      const clashes = findConflicts(r, theirs);
      if (clashes.length > 0)
        throw this.conflict(
          current.version,
          `the map changed since version ${batch.baseVersion}: ${clashes.slice(0, 5).join(", ")}`,
          clashes,
        );
      return { change: r, result: r.created };
    });
    if (!out) throw new WaylineError("not_found", `no journey map with id "${id}"`);
    return { view: await this.view(ws, out.stored), created: out.result };
  }

  /** Deletes a map with its surveys; `not_found` when absent. */
  async delete(ws: string, id: string): Promise<void> {
    const before = this.observer ? ((await this.store.journeys.get(ws, id))?.map ?? null) : null;
    const existed = await this.store.transaction(async (repos) => {
      await repos.surveys.deleteForJourney(ws, id);
      return repos.journeys.delete(ws, id);
    });
    if (!existed) throw new WaylineError("not_found", `no journey map with id "${id}"`);
    if (before) await this.tell(ws, id, before, null);
  }

  /** The native document of a map. */
  async exportNative(ws: string, id: string): Promise<NativeDocument> {
    const view = await this.get(ws, id);
    return toNativeDocument(view.map, view.personas, this.clock());
  }

  /**
   * Imports a native document. The map keeps its id unless taken (then it gets a new one);
   * personas are added unless a persona with the same id exists (the workspace's copy is kept).
   */
  async importNative(ws: string, input: unknown): Promise<JourneyView> {
    const doc = parseNativeDocument(input);
    const taken = await this.store.journeys.exists(doc.map.id);
    const map = taken ? { ...doc.map, id: newId<MapId>() } : doc.map;
    await checkNewLinks(map, linksInMap(map), this.loader(ws));
    return this.insert(ws, toYDoc(map), doc.personas);
  }

  private async insert(ws: string, doc: Y.Doc, personas: readonly Persona[]): Promise<JourneyView> {
    const stored = await this.store.transaction(async (repos) => {
      const existing = await repos.personas.getMany(
        ws,
        personas.map((p) => p.id),
      );
      const known = new Set(existing.map((p) => p.id as string));
      for (const p of personas) if (!known.has(p.id)) await repos.personas.put(ws, p);
      return repos.journeys.insert(ws, doc);
    });
    await this.tell(ws, stored.map.id, null, stored.map);
    return this.view(ws, stored);
  }

  /** Reads maps of one workspace for the sub-journey checks (another workspace's map is "not there"). */
  private loader(ws: string): MapLoader {
    return async (id) => (await this.store.journeys.get(ws, id))?.map ?? null;
  }

  private async view(ws: string, stored: StoredJourney): Promise<JourneyView> {
    const personas = await this.store.personas.getMany(ws, stored.map.personaIds);
    return { map: stored.map, personas, version: stored.version };
  }

  private async mustGet(ws: string, id: string): Promise<StoredJourney> {
    const stored = await this.store.journeys.get(ws, id);
    if (!stored) throw new WaylineError("not_found", `no journey map with id "${id}"`);
    return stored;
  }

  private async checkPersonas(ws: string, commands: readonly MapCommand[]): Promise<void> {
    for (const [i, c] of commands.entries()) {
      if (c.type !== "attachPersona") continue;
      if (!(await this.store.personas.get(ws, c.personaId)))
        throw new WaylineError(
          "invalid_command",
          `commands[${i}].personaId: no persona with id "${c.personaId}"`,
          {
            problems: [{ path: `commands[${i}].personaId`, message: `no persona with id "${c.personaId}"` }],
          },
        );
    }
  }

  private conflict(version: number, message: string, keys: string[] = []): WaylineError {
    return new WaylineError("conflict", message, { currentVersion: version, conflicts: keys });
  }
}

/** Decodes a stored state into a document (for collaboration and exports). */
export function docFromState(state: Uint8Array): Y.Doc {
  return loadMapDoc(state);
}
