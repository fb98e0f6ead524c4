import { existsSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { expect, it } from "vitest";
import { hashPassword } from "../src/server/accounts/passwords.ts";
import { describeWithService } from "../src/testing/services.ts";
import { accountsApp, PASSWORD } from "./accounts.ts";
import { CHROMIUM } from "./harness.ts";

/** Signs in on the page's login form. */
async function signIn(page: Page, email: string): Promise<void> {
  const form = page.getByRole("form", { name: "Sign in" });
  await form.getByLabel("E-mail").fill(email);
  await form.getByLabel("Password").fill(PASSWORD);
  await form.getByRole("button", { name: "Sign in" }).click();
}

/** Opens an invitation link in a fresh browser context, signs in and accepts it. */
async function acceptInvitation(browser: Browser, url: string, link: string, email: string): Promise<Page> {
  const page = await (await browser.newContext({ baseURL: url })).newPage();
  await page.goto(link);
  // Not signed in, the link offers a new account first; these people have one.
  await page.getByRole("button", { name: "Sign in instead" }).click();
  await signIn(page, email);
  await page.getByRole("button", { name: "Accept invitation" }).click();
  await page.getByRole("heading", { name: "Your journey maps" }).waitFor();
  return page;
}

describeWithService("Chromium", existsSync(CHROMIUM), "teams in Chromium (accounts mode)", () => {
  const app = accountsApp("teams");

  it("owner sets up, creates a workspace and invites; the editor edits, the viewer cannot, an outsider gets 404", async () => {
    const now = new Date().toISOString();
    const passwordHash = await hashPassword(PASSWORD);
    const owner = await (await app.browser.newContext({ baseURL: app.server.url })).newPage();
    await owner.goto("/");
    const setup = owner.getByRole("form", { name: "Set up Wayline" });
    await setup.getByLabel("Name").fill("Olga Owner");
    await setup.getByLabel("E-mail").fill("olga@team.io");
    await setup.getByLabel(/^Password/).fill(PASSWORD);
    await setup.getByRole("button", { name: "Create owner account" }).click();
    await owner.getByRole("heading", { name: "Your journey maps" }).waitFor();
    // Accounts an operator made with `wayline user create` (no workspace until invited).
    for (const email of ["ed@team.io", "vi@team.io", "out@other.io"])
      await app.server.store.accounts.createUser(
        { email, name: email.split("@")[0] ?? email, passwordHash },
        now,
      );

    owner.once("dialog", (d) => d.accept("Growth"));
    await owner.getByLabel("Workspace").selectOption("__new");
    await owner.waitForFunction(() =>
      document
        .querySelector("select[aria-label=Workspace] option:checked")
        ?.textContent?.startsWith("Growth"),
    );
    expect(await owner.getByLabel("Workspace").inputValue()).not.toBe("default");
    // Live editing (the collaboration websocket) serves the default workspace so far: the team
    // works in "My workspace", which the first owner received with the folder's existing maps.
    await owner.getByLabel("Workspace").selectOption("default");
    await owner.waitForFunction(() =>
      document
        .querySelector("select[aria-label=Workspace] option:checked")
        ?.textContent?.startsWith("My workspace"),
    );
    const growth = "default";

    await owner.getByRole("button", { name: "New blank map" }).first().click();
    await owner.getByLabel("Title").fill("Launch plan");
    await owner.getByRole("button", { name: "Create map" }).click();
    await owner.waitForURL(/\/maps\/[^/]+$/);
    const mapId = decodeURIComponent(owner.url().split("/maps/")[1] ?? "");
    expect(await app.server.store.journeys.get(growth, mapId)).not.toBeNull();

    await owner.goto("/workspace/members");
    const links: Record<string, string> = {};
    for (const role of ["editor", "viewer"]) {
      await owner.getByLabel("Invitation role").selectOption(role);
      await owner.getByRole("button", { name: "Create invitation link" }).click();
      const out = owner.getByLabel("Invitation link");
      // Wait for this role's link: the output still shows the previous one for a moment (compare
      // paths — the output holds the full URL, the links below are paths).
      await owner.waitForFunction((prev) => {
        const t = document.querySelector("output[aria-label='Invitation link']")?.textContent ?? "";
        return t.includes("/invite/") && !t.endsWith(prev || "\u0000");
      }, links.editor ?? "");
      links[role] = new URL((await out.textContent()) ?? "").pathname;
    }

    const stages = async () => (await app.server.store.journeys.get(growth, mapId))?.map.stages.length;
    const initial = (await stages()) ?? 0;
    const editor = await acceptInvitation(app.browser, app.server.url, links.editor ?? "", "ed@team.io");
    await editor.goto(`/maps/${mapId}`);
    await editor.getByRole("button", { name: "Add stage" }).click();
    await expect.poll(stages, { timeout: 10_000 }).toBe(initial + 1);

    const viewer = await acceptInvitation(app.browser, app.server.url, links.viewer ?? "", "vi@team.io");
    await viewer.goto(`/maps/${mapId}`);
    await viewer.getByRole("columnheader").first().waitFor();
    await viewer.getByRole("button", { name: "Add stage" }).click();
    await viewer.waitForTimeout(1500);
    expect(await stages()).toBe(initial + 1);
    const refused = await viewer.request.post(`/api/journeys/${mapId}/commands`, {
      headers: { origin: app.server.url, "x-wayline-workspace": growth },
      data: { baseVersion: 1, commands: [{ type: "addStage", name: "Sneaky" }] },
    });
    expect(refused.status()).toBe(403);

    const outsider = await (await app.browser.newContext({ baseURL: app.server.url })).newPage();
    const out = await app.server.store.accounts.findByEmail("out@other.io");
    await app.server.store.members.createWorkspace("Other", out?.id ?? "", now);
    await outsider.goto(`/maps/${mapId}`);
    await signIn(outsider, "out@other.io");
    await outsider.getByText(/Could not open this map/).waitFor();
    for (const ws of [growth, undefined]) {
      const res = await outsider.request.get(`/api/journeys/${mapId}`, {
        headers: ws ? { "x-wayline-workspace": ws } : {},
      });
      expect(res.status()).toBe(404);
    }
  }, 120_000);

  it("an invitee without an account signs up from the link and lands in the workspace with the invited role; used and expired links are refused", async () => {
    const at = new Date();
    const owner = (await app.server.store.members.list("default")).find((m) => m.role === "owner");
    const invite = (days: number) =>
      app.server.store.members.invite(
        "default",
        "commenter",
        owner?.userId ?? "",
        at.toISOString(),
        new Date(at.getTime() + days * 86_400_000).toISOString(),
      );
    const { token } = await invite(7);
    const page = await (await app.browser.newContext({ baseURL: app.server.url })).newPage();
    await page.goto(`/invite/${token}`);
    const form = page.getByRole("form", { name: "Join Wayline" });
    await form.getByText(/Join .* as commenter/).waitFor();
    await form.getByLabel("Name").fill("Nina New");
    await form.getByLabel("E-mail").fill("nina@team.io");
    await form.getByLabel(/^Password/).fill(PASSWORD);
    await form.getByRole("button", { name: "Create account and join" }).click();
    await page.getByRole("heading", { name: "Your journey maps" }).waitFor();
    const me = await (await page.request.get("/api/auth/me")).json();
    expect(me.user).toMatchObject({ email: "nina@team.io", name: "Nina New" });
    expect(me.workspaces).toEqual([expect.objectContaining({ id: "default", role: "commenter" })]);
    // The same link a second time, and an expired one: a message instead of the form.
    const late = await (await app.browser.newContext({ baseURL: app.server.url })).newPage();
    await late.goto(`/invite/${token}`);
    await late
      .getByRole("alert")
      .getByText(/unknown, used or expired/)
      .waitFor();
    const expired = await invite(1);
    await app.server.store.db
      .updateTable("invitations")
      .set({ expires_at: "2020-01-01T00:00:00.000Z" })
      .where("id", "=", expired.invitation.id)
      .execute();
    await late.goto(`/invite/${expired.token}`);
    await late
      .getByRole("alert")
      .getByText(/unknown, used or expired/)
      .waitFor();
    expect(await late.getByRole("form", { name: "Join Wayline" }).count()).toBe(0);
  }, 120_000);

  it("the owner issues and revokes an API token on the Members page, and restricts a map in the Share dialog: an unlisted editor cannot open it until picked", async () => {
    const owner = await (await app.browser.newContext({ baseURL: app.server.url })).newPage();
    await owner.goto("/workspace/members");
    await signIn(owner, "olga@team.io");
    const tokens = owner.getByRole("region", { name: "API tokens" });
    await tokens.getByLabel("Token name").fill("ci-bot");
    await tokens.getByLabel("Token role").selectOption("viewer");
    await tokens.getByRole("button", { name: "Create token" }).click();
    const secret = (await tokens.getByLabel("New token").textContent()) ?? "";
    expect(secret).toMatch(/^wl_/);
    const bearer = { authorization: `Bearer ${secret}` };
    expect((await owner.request.get("/api/journeys", { headers: bearer })).status()).toBe(200);
    await owner.reload();
    await tokens.getByRole("cell", { name: "ci-bot", exact: true }).waitFor();
    expect(await tokens.getByText(secret).count()).toBe(0); // shown once only
    await tokens.getByRole("button", { name: "Revoke ci-bot" }).click();
    await expect.poll(() => tokens.getByRole("button", { name: "Revoke ci-bot" }).count()).toBe(0);
    expect((await owner.request.get("/api/journeys", { headers: bearer })).status()).toBe(401);

    const created = await owner.request.post("/api/journeys", {
      headers: { origin: app.server.url, "x-wayline-workspace": "default" },
      data: { title: "Board only", kind: "current_state" },
    });
    const mapId = (await created.json()).id as string;
    await owner.goto(`/maps/${mapId}`);
    await owner.getByRole("button", { name: "Share" }).click();
    const access = owner
      .getByRole("dialog", { name: "Share" })
      .getByRole("region", { name: "Who has access" });
    await access.getByLabel(/Only the members picked below/).check();
    await access.getByLabel("Access for ed@team.io").waitFor();

    const editor = await (await app.browser.newContext({ baseURL: app.server.url })).newPage();
    await editor.goto(`/maps/${mapId}`);
    await signIn(editor, "ed@team.io");
    await editor.getByText(/Could not open this map/).waitFor();
    const home = await editor.request.get("/api/journeys", { headers: { "x-wayline-workspace": "default" } });
    expect(await home.text()).not.toContain(mapId);

    await access.getByLabel("Access for ed@team.io").check();
    await expect
      .poll(async () => (await app.server.store.journeys.accessOf(mapId))?.members.length ?? 0)
      .toBe(1);
    await editor.reload();
    await editor.getByRole("columnheader").first().waitFor();
  }, 120_000);
});
