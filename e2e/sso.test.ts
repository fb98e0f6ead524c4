import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { hashPassword } from "../src/server/accounts/passwords.ts";
import { type RunningServer, startServer } from "../src/server/serve.ts";
import { startTestIdp, type TestIdp } from "../src/server/sso/test-provider.ts";
import { describeWithService } from "../src/testing/services.ts";
import { buildWebApp, CHROMIUM, launchChromium } from "./harness.ts";

/** A free loopback port (the provider must know Wayline's redirect URL before Wayline starts). */
async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

const SSO_ENV = [
  "WAYLINE_SSO_ISSUER",
  "WAYLINE_SSO_CLIENT_ID",
  "WAYLINE_SSO_CLIENT_SECRET",
  "WAYLINE_SSO_REDIRECT_URL",
  "WAYLINE_SSO_NAME",
  "WAYLINE_SSO_ALLOW_HTTP",
  "WAYLINE_SSO_DEFAULT_WORKSPACE",
  "WAYLINE_SSO_DEFAULT_ROLE",
] as const;

describeWithService(
  "Chromium",
  existsSync(CHROMIUM),
  "single sign-on in Chromium (real oidc-provider)",
  () => {
    let server: RunningServer;
    let idp: TestIdp;
    let browser: Browser;
    let dataDir: string;
    const saved: Record<string, string | undefined> = {};
    beforeAll(async () => {
      buildWebApp();
      dataDir = mkdtempSync(join(tmpdir(), "wayline-e2e-sso-"));
      const port = await freePort();
      // The origin the browser uses (server.url): the flow cookie must come back to the same host.
      const origin = `http://localhost:${port}`;
      idp = await startTestIdp([`${origin}/api/auth/sso/callback`], { interactive: true });
      for (const k of SSO_ENV) saved[k] = process.env[k];
      Object.assign(process.env, {
        WAYLINE_SSO_ISSUER: idp.issuer,
        WAYLINE_SSO_CLIENT_ID: idp.clientId,
        WAYLINE_SSO_CLIENT_SECRET: idp.clientSecret,
        WAYLINE_SSO_REDIRECT_URL: `${origin}/api/auth/sso/callback`,
        WAYLINE_SSO_NAME: "Acme ID",
        WAYLINE_SSO_ALLOW_HTTP: "1",
        WAYLINE_SSO_DEFAULT_WORKSPACE: "default",
        WAYLINE_SSO_DEFAULT_ROLE: "editor",
      });
      server = await startServer({ port, host: "127.0.0.1", dataDir, auth: "accounts" });
      // Setup is done (an owner exists), so the login page, with its sign-on button, is shown.
      await server.store.accounts.createUser(
        { email: "owner@acme.test", name: "Owner", passwordHash: await hashPassword("owner passphrase 1") },
        new Date().toISOString(),
      );
      browser = await launchChromium();
    }, 180_000);
    afterAll(async () => {
      await browser?.close();
      await server?.close();
      await idp?.close();
      for (const k of SSO_ENV)
        if (saved[k] === undefined) delete process.env[k];
        else process.env[k] = saved[k];
      rmSync(dataDir, { recursive: true, force: true });
    });

    it("Sign in with Acme ID → the provider's login page → back in Wayline, signed in", async () => {
      idp.signInAs({
        sub: "acme-ada",
        email: "ada@acme.test",
        emailVerified: true,
        name: "Ada Acme",
        password: "idp password",
      });
      const page = await (await browser.newContext({ baseURL: server.url })).newPage();
      await page.goto("/");
      await page.getByRole("link", { name: "Sign in with Acme ID" }).click();
      // The provider's own page, on its own origin.
      const form = page.getByRole("form", { name: "Test IdP sign-in" });
      await form.waitFor();
      expect(new URL(page.url()).origin).toBe(idp.issuer);
      await form.getByLabel("E-mail").fill("ada@acme.test");
      await form.getByLabel("Password").fill("wrong");
      await form.getByRole("button", { name: "Continue" }).click();
      await page.getByRole("alert").getByText("Wrong e-mail or password.").waitFor();
      await form.getByLabel("E-mail").fill("ada@acme.test");
      await form.getByLabel("Password").fill("idp password");
      await form.getByRole("button", { name: "Continue" }).click();
      await page
        .waitForURL((u) => u.origin === server.url, { timeout: 30_000 })
        .catch(async () => {
          throw new Error(`still at ${page.url()}: ${await page.locator("body").textContent()}`);
        });
      await page
        .getByRole("heading", { name: "Your journey maps" })
        .waitFor({ timeout: 15_000 })
        .catch(async () => {
          throw new Error(`not signed in at ${page.url()}: ${await page.locator("body").textContent()}`);
        });
      const me = await (await page.request.get("/api/auth/me")).json();
      expect(me.user).toMatchObject({ email: "ada@acme.test", name: "Ada Acme" });
      expect(me.workspaces).toEqual([expect.objectContaining({ id: "default", role: "editor" })]);
    }, 120_000);
  },
);
