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

/** Why the map resulting from `doc` breaks a rule, or null when it is acceptable. */
export function problemOf(doc: Y.Doc, limits: CollabLimits): string | null {
  const r = roots(doc);
  if (r.cards.size > limits.maxCardsPerMap)
    return `a map holds at most ${limits.maxCardsPerMap} cards (${r.cards.size})`;
  for (const [id, card] of r.cards.entries()) {
    const text = card instanceof Y.Map ? card.get("text") : null;
    if (text instanceof Y.Text && text.length > limits.maxCardText)
      return `card ${id}: text longer than ${limits.maxCardText} characters`;
  }
  try {
    fromYDoc(doc);
  } catch (e) {
    return `the map would not be valid: ${(e as Error).message.slice(0, 300)}`;
  }
  return null;
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
  private shadows = new Map<string, Y.Doc>();

  constructor(
    private readonly limits: CollabLimits = COLLAB_LIMITS,
    /** Checks links an update adds, as the REST commands are checked (cycles, other workspaces). */
    private readonly checkLinks?: LinkCheck,
  ) {}

  async afterLoadDocument({ documentName, document }: afterLoadDocumentPayload): Promise<void> {
    this.shadows.set(documentName, copyOf(document));
    document.on("update", (update: Uint8Array) => {
      const shadow = this.shadows.get(documentName);
      if (shadow) Y.applyUpdate(shadow, update);
    });
  }

  async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload): Promise<void> {
    this.shadows.get(documentName)?.destroy();
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
    const added = [...linksOf(shadow)].filter((l) => !before.has(l));
    if (added.length === 0) return;
    const links = added.map((l) => ({ mapId: l.split("→")[1] as string, path: `stage ${l.split("→")[0]}` }));
    try {
      await this.checkLinks(document.name, fromYDoc(shadow), links);
    } catch (e) {
      shadow.destroy();
      this.shadows.set(document.name, copyOf(document));
      throw reject((e as Error).message);
    }
  }

  private tryOnShadow(document: Document, update: Uint8Array): string | null {
    const shadow = this.shadows.get(document.name) ?? copyOf(document);
    this.shadows.set(document.name, shadow);
    let problem: string | null;
    try {
      Y.applyUpdate(shadow, update);
      problem = problemOf(shadow, this.limits);
    } catch {
      problem = "malformed update";
    }
    if (problem) {
      shadow.destroy();
      this.shadows.set(document.name, copyOf(document));
    }
    return problem;
  }
}
