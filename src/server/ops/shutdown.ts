import type { Server } from "node:http";
import type { Services } from "../../services/services.ts";
import type { CollabServer } from "../collab/collab-server.ts";
import type { Logger } from "./logger.ts";

/** `WAYLINE_SHUTDOWN_GRACE_MS`: how long running requests and imports may take to finish (default 10 s). */
export function shutdownGraceFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.WAYLINE_SHUTDOWN_GRACE_MS);
  return Number.isFinite(n) && n >= 0 ? Math.min(n, 600_000) : 10_000;
}

const sleep = (ms: number) =>
  new Promise<void>((resolve) => {
    setTimeout(resolve, ms).unref();
  });

/** What a graceful shutdown closes, in order. */
export interface ShutdownParts {
  server: Server;
  collab: CollabServer;
  services: Services;
  logger: Logger;
  /** Bound on waiting for running requests and imports. */
  graceMs: number;
}

/**
 * Graceful shutdown: (1) stop accepting connections and close idle keep-alive ones; (2) let
 * running requests finish and running imports complete within the grace period — imports still
 * running after it are discarded (temporary files removed, never listed); (3) store every open
 * live map and close the websockets; (4) cut what is left; (5) close the analytics engines.
 * The store is closed by its owner afterwards.
 */
export async function shutDown(p: ShutdownParts): Promise<void> {
  const started = performance.now();
  const closed = new Promise<void>((resolve) => p.server.close(() => resolve()));
  p.server.closeIdleConnections();
  const [imports] = await Promise.all([
    p.services.logs.drain(p.graceMs),
    Promise.race([closed, sleep(p.graceMs)]),
  ]);
  const documents = p.collab.openDocumentCount;
  await p.collab.close();
  p.server.closeAllConnections();
  await Promise.race([closed, sleep(1000)]);
  await p.services.close();
  p.logger.info(
    {
      documentsStored: documents,
      importsFinished: imports.finished,
      importsDiscarded: imports.discarded,
      durationMs: Math.round(performance.now() - started),
    },
    "shut down",
  );
}
