import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import type { Role } from "../src/domain/roles.ts";
import { hashPassword } from "../src/server/accounts/passwords.ts";
import { type RunningServer, startServer } from "../src/server/serve.ts";
import { DEFAULT_WORKSPACE_ID } from "../src/storage/workspaces.ts";
import { buildWebApp, launchChromium } from "./harness.ts";

/** The password every browser test's accounts are created with. */
export const PASSWORD = "team passphrase 1";

/** The server and browser of `accountsApp` (set once its beforeAll ran). */
export interface AccountsApp {
  readonly server: RunningServer;
  readonly browser: Browser;
}

/**
 * A real server in accounts mode on a fresh data folder and a Chromium, started before the
 * surrounding describe block's tests and closed after them. `before` and `after` run around it
 * (e.g. a webhook receiver, an environment variable the services read at start).
 */
export function accountsApp(
  name: string,
  hooks: { before?: () => Promise<void> | void; after?: () => Promise<void> | void } = {},
): AccountsApp {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let dataDir: string | undefined;
  beforeAll(async () => {
    buildWebApp();
    await hooks.before?.();
    dataDir = mkdtempSync(join(tmpdir(), `wayline-e2e-${name}-`));
    server = await startServer({ port: 0, host: "127.0.0.1", dataDir, auth: "accounts" });
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await hooks.after?.();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });
  const started = <T>(v: T | undefined): T => {
    if (v === undefined) throw new Error("accountsApp: used before its beforeAll ran");
    return v;
  };
  return {
    get server() {
      return started(server);
    },
    get browser() {
      return started(browser);
    },
  };
}

/** An account (password `PASSWORD`) with `role` in a workspace (the default one unless given). */
export async function addMember(
  server: RunningServer,
  who: { email: string; name: string; role: Role },
  workspaceId: string = DEFAULT_WORKSPACE_ID,
): Promise<{ id: string }> {
  const now = new Date().toISOString();
  const user = await server.store.accounts.createUser(
    { email: who.email, name: who.name, passwordHash: await hashPassword(PASSWORD) },
    now,
  );
  await server.store.members.setRole(workspaceId, user.id, who.role, now);
  return user;
}

/** A browser context signed in as `email` on the login form (accounts mode), on the home page. */
export async function signedIn(browser: Browser, url: string, email: string): Promise<Page> {
  const page = await (
    await browser.newContext({ baseURL: url, viewport: { width: 1440, height: 900 } })
  ).newPage();
  await page.goto("/");
  const form = page.getByRole("form", { name: "Sign in" });
  await form.getByLabel("E-mail").fill(email);
  await form.getByLabel("Password").fill(PASSWORD);
  await form.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: "Your journey maps" }).waitFor();
  return page;
}
