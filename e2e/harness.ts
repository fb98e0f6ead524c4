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
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
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
