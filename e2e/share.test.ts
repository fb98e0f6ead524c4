import { existsSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { expect, it } from "vitest";
import { describeWithService } from "../src/testing/services.ts";
import { accountsApp, PASSWORD } from "./accounts.ts";
import { CHROMIUM } from "./harness.ts";

const SHOTS = process.env.WAYLINE_E2E_SHOTS;

/** Opens a share link as a guest in a fresh context and gives the guest name. */
async function openAsGuest(browser: Browser, base: string, link: string, name: string): Promise<Page> {
  const page = await (
    await browser.newContext({ baseURL: base, viewport: { width: 1440, height: 900 } })
  ).newPage();
  await page.goto(link);
  await page.getByLabel("Your name (shown to the others)").fill(name);
  await page.getByRole("button", { name: "Continue" }).click();
  return page;
}

/** Creates a link in the editor's Share dialog and returns its path. */
async function createLink(
  owner: Page,
  access: "Can view" | "Can edit",
): Promise<{ link: string; embed: string }> {
  await owner.getByRole("button", { name: "Share" }).click();
  const dialog = owner.getByRole("dialog", { name: "Share" });
  await dialog.getByRole("combobox", { name: "Access" }).selectOption({ label: access });
  await dialog.getByRole("button", { name: "Create link" }).click();
  const link = dialog.getByLabel("Share link");
  await link.waitFor();
  const url = new URL(await link.inputValue());
  const embed = /src="([^"]+)"/.exec(await dialog.getByLabel("Embed code").inputValue())?.[1] ?? "";
  if (SHOTS) await owner.screenshot({ path: join(SHOTS, `share-dialog-${access.split(" ")[1]}.png`) });
  await dialog.getByRole("button", { name: "Close" }).click();
  return { link: url.pathname, embed };
}

describeWithService("Chromium", existsSync(CHROMIUM), "share links in Chromium (accounts mode)", () => {
  let other: Server | undefined;
  const app = accountsApp("share", {
    after: () => new Promise<void>((r) => (other ? other.close(() => r()) : r())),
  });

  it("a view link shows the map read-only; an edit link edits live; the embed shows in another site's iframe", async () => {
    const owner = await (
      await app.browser.newContext({ baseURL: app.server.url, viewport: { width: 1920, height: 1000 } })
    ).newPage();
    await owner.goto("/");
    const setup = owner.getByRole("form", { name: "Set up Wayline" });
    await setup.getByLabel("Name").fill("Olga Owner");
    await setup.getByLabel("E-mail").fill("olga@team.io");
    await setup.getByLabel(/^Password/).fill(PASSWORD);
    await setup.getByRole("button", { name: "Create owner account" }).click();
    await owner.getByRole("heading", { name: "Your journey maps" }).waitFor();
    await owner.getByRole("button", { name: "New blank map" }).first().click();
    await owner.getByLabel("Title").fill("Launch plan");
    await owner.getByRole("button", { name: "Create map" }).click();
    await owner.waitForURL(/\/maps\/[^/]+$/);
    const mapId = decodeURIComponent(owner.url().split("/maps/")[1] ?? "");
    const stages = async () =>
      (await app.server.store.journeys.get("default", mapId))?.map.stages.map((s) => s.name) ?? [];
    await owner.getByRole("button", { name: "Add stage" }).waitFor();
    const n = (await stages()).length;

    // View link: the guest sees the picture, has no editing tools, and the API refuses writes.
    const view = await createLink(owner, "Can view");
    const viewer = await openAsGuest(app.browser, app.server.url, view.link, "Dana Guest");
    await viewer.getByRole("img", { name: "Journey map: Launch plan" }).waitFor();
    expect(await viewer.getByRole("button", { name: "Add stage" }).count()).toBe(0);
    if (SHOTS) await viewer.screenshot({ path: join(SHOTS, "share-view.png") });
    const token = view.link.split("/s/")[1] ?? "";
    const write = await viewer.evaluate(
      async ([id, t]) =>
        (
          await fetch(`/api/journeys/${id}/commands`, {
            method: "POST",
            headers: { "content-type": "application/json", "x-wayline-share": t ?? "" },
            body: JSON.stringify({ baseVersion: 1, commands: [{ type: "addStage", name: "Sneaky" }] }),
          })
        ).status,
      [mapId, token],
    );
    expect(write).toBe(403);
    // The viewer follows the owner's edits live.
    await owner.getByRole("button", { name: "Add stage" }).click();
    await expect.poll(stages, { timeout: 10_000 }).toHaveLength(n + 1);
    await viewer
      .getByText(`Stage ${n + 1}`)
      .first()
      .waitFor({ timeout: 10_000 });

    // Edit link: the guest edits in the live editor; the owner sees it without reloading.
    const edit = await createLink(owner, "Can edit");
    const editor = await openAsGuest(app.browser, app.server.url, edit.link, "Eli Guest");
    await editor.getByRole("button", { name: "Add stage" }).click();
    await expect.poll(stages, { timeout: 10_000 }).toHaveLength(n + 2);
    await owner
      .getByText(`Stage ${n + 2}`)
      .first()
      .waitFor({ timeout: 10_000 });
    expect(await editor.getByRole("button", { name: "Share" }).count()).toBe(0);
    if (SHOTS) await editor.screenshot({ path: join(SHOTS, "share-edit.png") });

    // Embed: a page of another origin frames /embed/<token>.
    const embedder = createServer((_req, res) => {
      res.setHeader("content-type", "text/html");
      res.end(
        `<!doctype html><title>Intranet</title><h1>Our journey</h1><iframe src="${view.embed}" width="1200" height="700" title="Journey map"></iframe>`,
      );
    });
    other = embedder;
    await new Promise<void>((r) => embedder.listen(0, "127.0.0.1", r));
    const site = await (await app.browser.newContext()).newPage();
    await site.goto(`http://127.0.0.1:${(embedder.address() as AddressInfo).port}/`);
    const frame = site.frameLocator("iframe[title='Journey map']");
    await frame.getByRole("img", { name: "Journey map: Launch plan" }).waitFor({ timeout: 15_000 });
    if (SHOTS) await site.screenshot({ path: join(SHOTS, "share-embed.png") });

    // Revoked in the dialog: the link opens nothing any more.
    await owner.getByRole("button", { name: "Share" }).click();
    const dialog = owner.getByRole("dialog", { name: "Share" });
    await dialog.getByRole("button", { name: /^Revoke can view link/ }).click();
    await dialog.getByText("Revoked", { exact: true }).first().waitFor();
    const gone = await (await app.browser.newContext({ baseURL: app.server.url })).newPage();
    await gone.goto(view.link);
    await gone.getByText(/unknown, revoked or expired/).waitFor();
  }, 180_000);
});
