import type {
  afterLoadDocumentPayload,
  afterUnloadDocumentPayload,
  beforeHandleMessagePayload,
  Document,
  Extension,
} from "@hocuspocus/server";
import * as decoding from "lib0/decoding";
import * as Y from "yjs";
import { fromYDoc, type JourneyMap, roots } from "../../domain/index.ts";
import type { NewLink } from "../../services/hierarchy/link-check.ts";
import { COLLAB_LIMITS, type CollabLimits, REJECTED_CLOSE } from "./limits.ts";
import { applyAndCheck, type Shadow, shadowOf } from "./shadow-check.ts";

export { problemOf } from "./shadow-check.ts";

/** Hocuspocus message types this guard looks at (see @hocuspocus/server MessageType). */
const SYNC = 0;
const SYNC_REPLY = 4;
/** y-protocols sync message types that carry document content. */
const SYNC_STEP_2 = 1;
const UPDATE = 2;

/** The Yjs update a client message carries, or null when it carries none (awareness, step 1 …). */
export function updateOf(message: Uint8Array): Uint8Array | null {
  const d = decoding.createDecoder(message);
  decoding.readVarString(d);
  const type = decoding.readVarUint(d);
  if (type !== SYNC && type !== SYNC_REPLY) return null;
  const step = decoding.readVarUint(d);
  if (step !== SYNC_STEP_2 && step !== UPDATE) return null;
  return decoding.readVarUint8Array(d);
}

/** Every sub-journey link of a document as `stageId→mapId`. */
function linksOf(doc: Y.Doc): Set<string> {
  const out = new Set<string>();
  roots(doc).stages.forEach((stage, stageId) => {
    const links = stage instanceof Y.Map ? stage.get("subJourneys") : null;
    if (links instanceof Y.Map) for (const mapId of links.keys()) out.add(`${stageId}→${mapId}`);
  });
  return out;
}

/** Refuses new sub-journey links of a map (outside the workspace, closing a cycle) by throwing. */
export type LinkCheck = (mapId: string, map: JourneyMap, links: NewLink[]) => Promise<void>;

function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

/** A rejection: Hocuspocus closes the client's connection to the document with this code and reason. */
function reject(why: string): { code: number; reason: string } {
  return { code: REJECTED_CLOSE.code, reason: `${REJECTED_CLOSE.reason}: ${why}`.slice(0, 120) };
}

/**
 * Guards every document update from a client before Hocuspocus applies it: the update is tried on
 * a shadow copy of the document, and the resulting map must pass `fromYDoc` (with its repairs)
 * and the limits. A failing message is never applied; the client's connection to the document is
 * closed with `update_rejected`, and the editor then reloads the server's state (resync).
 * The shadow follows the real document through its update events (applying a known update is a no-op).
 */
export class ValidationExtension implements Extension {
  /** Runs before persistence and Redis see anything. */
  priority = 2000;
  extensionName = "wayline-validation";
  private shadows = new Map<string, Shadow>();
  /** WAYLINE_COLLAB_FULL_VALIDATION=1 checks the whole map on every update (benchmark baseline). */
  private readonly alwaysFull = process.env.WAYLINE_COLLAB_FULL_VALIDATION === "1";

  constructor(
    private readonly limits: CollabLimits = COLLAB_LIMITS,
    /** Checks links an update adds, as the REST commands are checked (cycles, other workspaces). */
    private readonly checkLinks?: LinkCheck,
  ) {}

  async afterLoadDocument({ documentName, document }: afterLoadDocumentPayload): Promise<void> {
    // Checked whole now, while the first editor waits for its sync anyway, not on its first edit.
    this.shadows.set(documentName, shadowOf(copyOf(document), this.limits));
    document.on("update", (update: Uint8Array) => {
      const shadow = this.shadows.get(documentName);
      if (!shadow) return;
      // An update this guard did not check (another process through Redis, stored rows, direct
      // edits) is followed the same incremental way: a text-only one keeps the shadow known valid,
      // anything else is checked whole here, so the next editor update is not (an update the guard
      // checked is already in the shadow: a no-op). It is applied already; a problem only makes
      // validity unknown.
      try {
        if (applyAndCheck(shadow, update, this.limits)) shadow.shown = null;
      } catch {
        shadow.shown = null;
      }
    });
  }

  async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload): Promise<void> {
    this.shadows.get(documentName)?.doc.destroy();
    this.shadows.delete(documentName);
  }

  async beforeHandleMessage({ update: message, document, connection }: beforeHandleMessagePayload) {
    if (message.byteLength > this.limits.maxMessageBytes)
      throw reject(`message larger than ${this.limits.maxMessageBytes} bytes`);
    let update: Uint8Array | null;
    try {
      update = updateOf(message);
    } catch {
      throw reject("malformed message");
    }
    // Viewers' updates are refused by Hocuspocus's read-only mode; nothing to try here.
    if (!update || connection.readOnly) return;
    const before = this.checkLinks ? linksOf(document) : null;
    const problem = this.tryOnShadow(document, update);
    if (problem) throw reject(problem);
    if (before) await this.checkNewLinks(document, before);
  }

  /** Links the update added (the shadow holds the result) must pass the same checks as REST commands. */
  private async checkNewLinks(document: Document, before: Set<string>): Promise<void> {
    const shadow = this.shadows.get(document.name);
    if (!shadow || !this.checkLinks) return;
    const added = [...linksOf(shadow.doc)].filter((l) => !before.has(l));
    if (added.length === 0) return;
    const links = added.map((l) => ({ mapId: l.split("→")[1] as string, path: `stage ${l.split("→")[0]}` }));
    try {
      await this.checkLinks(document.name, fromYDoc(shadow.doc), links);
    } catch (e) {
      shadow.doc.destroy();
      this.shadows.set(document.name, { doc: copyOf(document), shown: null });
      throw reject((e as Error).message);
    }
  }

  private tryOnShadow(document: Document, update: Uint8Array): string | null {
    const shadow = this.shadows.get(document.name) ?? { doc: copyOf(document), shown: null };
    this.shadows.set(document.name, shadow);
    if (this.alwaysFull) shadow.shown = null;
    let problem: string | null;
    try {
      problem = applyAndCheck(shadow, update, this.limits);
    } catch {
      problem = "malformed update";
    }
    if (problem) {
      shadow.doc.destroy();
      this.shadows.set(document.name, { doc: copyOf(document), shown: null });
    }
    return problem;
  }
}
