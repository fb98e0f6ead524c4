import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { type RunningServer, startServer } from "../src/server/serve.ts";

/** Debian's Chromium (installed by `.ci/run` when missing). */
export const CHROMIUM = "/usr/bin/chromium";

/** Builds the web app into dist/web so the server serves the current sources. */
export function buildWebApp(): void {
  execFileSync(join(process.cwd(), "node_modules/.bin/vite"), ["build", "--logLevel", "error"], {
    stdio: "inherit",
  });
}

/**
 * Chromium's flags for this machine: no sandbox as root, and no background networking (the
 * closed network refuses Chromium's own connections, many at a time).
 */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Debian's Chromium with the flags above (every browser test launches it this way). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** A real server on a free port with a temporary SQLite folder, and a headless Chromium. */
export interface Harness {
  server: RunningServer;
  browser: Browser;
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

/** Starts the server and the browser. */
export async function startHarness(): Promise<Harness> {
  const dataDir = mkdtempSync(join(tmpdir(), "wayline-e2e-"));
  const server = await startServer({ port: 0, host: "127.0.0.1", dataDir, auth: "local" });
  const browser = await launchChromium();
  return {
    server,
    browser,
    newPage: async (viewport = { width: 1366, height: 768 }) => {
      const context = await browser.newContext({ viewport, baseURL: server.url });
      return context.newPage();
    },
    close: async () => {
      await browser.close();
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
