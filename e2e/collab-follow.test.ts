import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type RunningServer, startServer } from "../src/server/serve.ts";
import { describeWithService } from "../src/testing/services.ts";
import { call, openMap } from "./collab-harness.ts";
import { buildWebApp, CHROMIUM, launchChromium } from "./harness.ts";

/** A map wider and taller than the window: 24 stages × 14 lanes, card c1 in the first cell. */
async function seedWideMap(base: string): Promise<string> {
  const created = await call(base, "POST", "/api/journeys", { title: "Wide map", kind: "current_state" });
  const id = created.json.id as string;
  const commands: unknown[] = [];
  for (let s = 1; s <= 24; s++) commands.push({ type: "addStage", id: `s${s}`, name: `Stage ${s}` });
  for (let l = 1; l <= 14; l++)
    commands.push({ type: "addLane", id: `l${l}`, laneType: "text", name: `Lane ${l}` });
  for (let s = 1; s <= 24; s++)
    for (let l = 1; l <= 14; l++)
      commands.push({
        type: "addCard",
        id: s === 1 && l === 1 ? "c1" : `c${s}-${l}`,
        laneId: `l${l}`,
        stageId: `s${s}`,
        text: `Card ${s}.${l}`,
      });
  const r = await call(base, "POST", `/api/journeys/${id}/commands`, {
    baseVersion: created.json.version,
    commands,
  });
  if (r.status !== 200) throw new Error(JSON.stringify(r.json));
  return id;
}

/** A context whose editor calls itself `name` to collaborators. */
async function personContext(browser: Browser, base: string, name: string): Promise<BrowserContext> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 760 }, baseURL: base });
  await ctx.addInitScript((n) => localStorage.setItem("wayline.collab.name", n), name);
  return ctx;
}

const scrollOf = (page: Page) =>
  page
    .locator(".grid-scroll")
    .evaluate((el) => ({ left: Math.round(el.scrollLeft), top: Math.round(el.scrollTop) }));
const scrollTo = (page: Page, left: number, top: number) =>
  page.locator(".grid-scroll").evaluate((el, [x, y]) => el.scrollTo(x as number, y as number), [left, top]);

/** B opens Ana's avatar menu and chooses Follow. */
async function follow(b: Page): Promise<void> {
  await b.locator('.presence-bar [data-presence-name="Ana"]').click();
  await b.getByRole("button", { name: "Follow", exact: true }).click();
  await b.getByRole("status").filter({ hasText: "Following Ana" }).waitFor({ timeout: 5000 });
}

describeWithService("Chromium", existsSync(CHROMIUM), "following a collaborator's view", () => {
  let browser: Browser;
  let server: RunningServer;
  let dir: string;
  beforeAll(async () => {
    buildWebApp();
    browser = await launchChromium();
    dir = mkdtempSync(join(tmpdir(), "wayline-follow-e2e-"));
    server = await startServer({ port: 0, host: "127.0.0.1", dataDir: dir, auth: "local" });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("Follow tracks Ana's scrolling until Escape, a wheel turn or her leaving; the banner says so", async () => {
    const id = await seedWideMap(server.url);
    const a = await openMap(await personContext(browser, server.url, "Ana"), id);
    const b = await openMap(await personContext(browser, server.url, "Ben"), id);
    await b.locator('.presence-bar [data-presence-name="Ana"]').waitFor({ timeout: 10_000 });
    await scrollTo(a, 1500, 300);
    await follow(b);
    // B jumps to where Ana is, then tracks her as she scrolls on.
    await expect.poll(() => scrollOf(b), { timeout: 5000 }).toEqual({ left: 1500, top: 300 });
    await scrollTo(a, 2600, 420);
    await expect.poll(() => scrollOf(b), { timeout: 5000 }).toEqual({ left: 2600, top: 420 });
    expect(await b.locator(".grid-scroll.following").count()).toBe(1);
    await b.screenshot({ path: join(dir, "..", "wayline-follow.png") });
    // Escape stops following: Ana's next scroll leaves B where it is.
    await b.keyboard.press("Escape");
    await b.getByText("Following Ana").waitFor({ state: "detached", timeout: 5000 });
    await scrollTo(a, 400, 100);
    await new Promise((r) => setTimeout(r, 800));
    expect(await scrollOf(b)).toEqual({ left: 2600, top: 420 });
    // Following again jumps to Ana; B's own wheel turn ends it.
    await follow(b);
    await expect.poll(() => scrollOf(b), { timeout: 5000 }).toEqual({ left: 400, top: 100 });
    await b.locator(".grid-scroll").hover();
    await b.mouse.wheel(0, 200);
    await b.getByText("Following Ana").waitFor({ state: "detached", timeout: 5000 });
    expect(await b.locator(".grid-scroll.following").count()).toBe(0);
    await scrollTo(a, 1000, 0);
    await new Promise((r) => setTimeout(r, 800));
    expect((await scrollOf(b)).left).not.toBe(1000);
    // The Stop button, and Ana leaving, end it too.
    await follow(b);
    await b.getByRole("button", { name: "Stop", exact: true }).click();
    await b.getByText("Following Ana").waitFor({ state: "detached", timeout: 5000 });
    await follow(b);
    await a.context().close();
    await b.getByText("Following Ana").waitFor({ state: "detached", timeout: 20_000 });
    await b.context().close();
  }, 120_000);
});
