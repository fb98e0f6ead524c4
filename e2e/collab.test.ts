import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type RunningServer, startServer } from "../src/server/serve.ts";
import { describeWithService, requireServices } from "../src/testing/services.ts";
import {
  cardText,
  craftedMessages,
  freePort,
  newContext,
  openMap,
  redisAvailable,
  saved,
  seedMap,
  serverMap,
  spawnServer,
  storedMap,
  typeInCard,
} from "./collab-harness.ts";
import { buildWebApp, CHROMIUM, launchChromium } from "./harness.ts";

const REDIS_URL = process.env.WAYLINE_TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const redisUp = await redisAvailable(REDIS_URL);
if (!redisUp) console.warn("[skip] two processes with Redis: Redis is not reachable at", REDIS_URL);

describeWithService("Chromium", existsSync(CHROMIUM), "live collaboration in two Chromium contexts", () => {
  let browser: Browser;
  let server: RunningServer;
  const dirs: string[] = [];
  const tmp = () => {
    const d = mkdtempSync(join(tmpdir(), "wayline-collab-e2e-"));
    dirs.push(d);
    return d;
  };
  beforeAll(async () => {
    buildWebApp();
    browser = await launchChromium();
    server = await startServer({ port: 0, host: "127.0.0.1", dataDir: tmp(), auth: "local" });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it("an edit in A appears in B, with A's presence; an API edit appears in both", async () => {
    const id = await seedMap(server.url);
    const a = await openMap(await newContext(browser, server.url), id);
    const b = await openMap(await newContext(browser, server.url), id);
    await a
      .getByRole("columnheader", { name: "Aware", exact: true })
      .getByRole("button", { name: "Aware", exact: true })
      .dblclick();
    await a.getByRole("textbox", { name: "Stage name" }).fill("Discover");
    await a.keyboard.press("Enter");
    await b.getByRole("columnheader", { name: "Discover", exact: true }).waitFor({ timeout: 5000 });
    await typeInCard(a, "c1", " world");
    await a.keyboard.press("Escape");
    await expect.poll(() => cardText(b, "c1"), { timeout: 5000 }).toBe("hello world");
    await saved(a);
    expect((await serverMap(server.url, id)).cards.find((c) => c.id === "c1")?.text).toBe("hello world");
    // Presence: B sees A's avatar and A's selected card outlined with A's name.
    await expect
      .poll(() => b.locator(".presence-bar [data-presence-name]").count(), { timeout: 5000 })
      .toBe(1);
    await a.locator('.card[data-card-id="c2"]').click();
    await expect
      .poll(() => b.locator("style[data-presence-outlines]").textContent(), { timeout: 5000 })
      .toContain('data-card-id="c2"');
    // An API edit shows up live.
    const v = await serverMap(server.url, id);
    const r = await fetch(`${server.url}/api/journeys/${id}/commands`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        baseVersion: v.version,
        commands: [{ type: "renameStage", id: "s2", name: "Buy" }],
      }),
    });
    expect(r.status).toBe(200);
    await a.getByRole("columnheader", { name: "Buy", exact: true }).waitFor({ timeout: 5000 });
    await b.getByRole("columnheader", { name: "Buy", exact: true }).waitFor({ timeout: 5000 });
  });

  it("history panel: name a version, compare it with now, restore it; the other editor sees the restore", async () => {
    const id = await seedMap(server.url);
    const a = await openMap(await newContext(browser, server.url), id);
    const b = await openMap(await newContext(browser, server.url), id);
    a.on("dialog", (d) => void d.accept());
    await a.getByRole("button", { name: "History", exact: true }).click();
    await a.getByRole("textbox", { name: "Version name" }).fill("Before workshop");
    await a.getByRole("button", { name: "Save version" }).click();
    await a.getByText("Before workshop", { exact: true }).waitFor();
    await typeInCard(a, "c1", " changed later");
    await a.keyboard.press("Escape");
    await saved(a);
    await a.getByRole("button", { name: "Preview & compare" }).first().click();
    await a.getByText("Aware: 1 card(s) changed").waitFor();
    await a
      .getByRole("region", { name: "Preview of Before workshop" })
      .getByText("hello", { exact: true })
      .waitFor();
    await a.getByRole("button", { name: "Restore this version" }).click();
    await expect.poll(() => cardText(a, "c1"), { timeout: 5000 }).toBe("hello");
    await expect.poll(() => cardText(b, "c1"), { timeout: 5000 }).toBe("hello");
    await a.getByText("Before restoring “Before workshop”").waitFor();
  });

  it("both typing in one card keep both texts", async () => {
    const id = await seedMap(server.url);
    const a = await openMap(await newContext(browser, server.url), id);
    const b = await openMap(await newContext(browser, server.url), id);
    await typeInCard(a, "c1", " +from A");
    await typeInCard(b, "c1", " +from B");
    await a.keyboard.press("Escape");
    await b.keyboard.press("Escape");
    await saved(a);
    await saved(b);
    for (const p of [a, b]) {
      await expect.poll(() => cardText(p, "c1"), { timeout: 5000 }).toContain("+from A");
      await expect.poll(() => cardText(p, "c1"), { timeout: 5000 }).toContain("+from B");
    }
    const text = (await serverMap(server.url, id)).cards.find((c) => c.id === "c1")?.text ?? "";
    expect(text).toContain("+from A");
    expect(text).toContain("+from B");
    expect(await cardText(a, "c1")).toBe(text);
  });

  it("a viewer sees edits live and cannot change anything, even by a crafted update from a script", {
    timeout: 90_000,
  }, async () => {
    const dataDir = tmp();
    const ts = await startServer({ port: 0, host: "127.0.0.1", dataDir, auth: "token" });
    try {
      const now = new Date().toISOString();
      const editor = await ts.store.tokens.create("Ed", "editor", now);
      const viewer = await ts.store.tokens.create("Vi", "viewer", now);
      const id = await seedMap(ts.url, editor);
      const e = await openMap(await newContext(browser, ts.url, editor), id);
      const v = await openMap(await newContext(browser, ts.url, viewer), id);
      await typeInCard(e, "c1", " edited");
      await e.keyboard.press("Escape");
      await expect.poll(() => cardText(v, "c1"), { timeout: 5000 }).toBe("hello edited");
      await v.locator('.card[data-card-id="c2"]').dblclick();
      await v.getByText("You can view this map but not change it").first().waitFor();
      const wsUrl = `${ts.url.replace("http", "ws")}/collab`;
      const answer = await v.evaluate(
        async ({ url, messages }) => {
          const ws = new WebSocket(url);
          ws.binaryType = "arraybuffer";
          await new Promise((r) => ws.addEventListener("open", r));
          for (const m of messages) ws.send(new Uint8Array(m));
          await new Promise((r) => setTimeout(r, 800));
          ws.close();
          return "sent";
        },
        { url: wsUrl, messages: craftedMessages(id, viewer) },
      );
      expect(answer).toBe("sent");
      await typeInCard(e, "c2", " too");
      await e.keyboard.press("Escape");
      await saved(e);
      const m = await serverMap(ts.url, id, editor);
      expect(m.title).toBe("Workshop map");
      expect(m.cards.map((c) => c.text).sort()).toEqual(["hello edited", "second too"]);
      expect(await e.title()).toBe("Workshop map — Wayline");
      expect(await v.title()).toBe("Workshop map — Wayline");
    } finally {
      await ts.close();
    }
  });

  it("kill -9 of the server during edits loses nothing: editors resend what it lacks after the restart", {
    timeout: 120_000,
  }, async () => {
    const port = await freePort();
    const dataDir = tmp();
    // A long store debounce: every edit below is acknowledged but not yet stored when the process dies.
    const slow = { WAYLINE_COLLAB_DEBOUNCE_MS: "60000" };
    let child = await spawnServer(port, dataDir, slow);
    try {
      const id = await seedMap(child.url);
      const a = await openMap(await newContext(browser, child.url), id);
      const b = await openMap(await newContext(browser, child.url), id);
      await saved(a);
      await typeInCard(a, "c1", " one two");
      await a.keyboard.press("Escape");
      await typeInCard(b, "c2", " three");
      await b.keyboard.press("Escape");
      await expect.poll(() => cardText(b, "c1"), { timeout: 5000 }).toBe("hello one two");
      await expect.poll(() => cardText(a, "c2"), { timeout: 5000 }).toBe("second three");
      // Acknowledged by the server but not stored: the editors must not say "saved", the database
      // row still holds the seeded texts, while GET answers the live map (edits included).
      await a.getByText("Saving…").first().waitFor({ timeout: 5000 });
      expect((await storedMap(dataDir, id)).cards.map((c) => c.text).sort()).toEqual(["hello", "second"]);
      expect((await serverMap(child.url, id)).cards.map((c) => c.text).sort()).toEqual([
        "hello one two",
        "second three",
      ]);
      await child.kill9();
      await a.getByText("Not saved").first().waitFor({ timeout: 10_000 });
      child = await spawnServer(port, dataDir);
      await saved(a);
      await saved(b);
      // "Saved" after the restart means stored: the row has both editors' resent edits.
      const m = await storedMap(dataDir, id);
      expect(m.cards.find((c) => c.id === "c1")?.text).toBe("hello one two");
      expect(m.cards.find((c) => c.id === "c2")?.text).toBe("second three");
    } finally {
      await child.stop();
    }
  });

  it("offline: edits continue, survive a closed tab in IndexedDB, and merge on reconnect", {
    timeout: 120_000,
  }, async () => {
    const port = await freePort();
    const dataDir = tmp();
    let child = await spawnServer(port, dataDir);
    try {
      const id = await seedMap(child.url);
      const ctxA = await newContext(browser, child.url);
      const a = await openMap(ctxA, id);
      const b = await openMap(await newContext(browser, child.url), id);
      await saved(a);
      await child.stop();
      await a.getByText("Not saved").first().waitFor({ timeout: 10_000 });
      await typeInCard(a, "c1", " offline A");
      await a.keyboard.press("Escape");
      await typeInCard(b, "c2", " offline B");
      await b.keyboard.press("Escape");
      await a
        .getByText(/kept in this browser/)
        .first()
        .waitFor({ timeout: 5000 });
      await new Promise((r) => setTimeout(r, 500)); // let y-indexeddb write
      await a.close(); // the tab is gone; its edit lives in IndexedDB only
      child = await spawnServer(port, dataDir);
      await saved(b);
      const again = await openMap(ctxA, id);
      await saved(again);
      await expect.poll(() => cardText(again, "c1"), { timeout: 10_000 }).toBe("hello offline A");
      await expect.poll(() => cardText(again, "c2"), { timeout: 10_000 }).toBe("second offline B");
      const m = await serverMap(child.url, id);
      expect(m.cards.find((c) => c.id === "c1")?.text).toBe("hello offline A");
      expect(m.cards.find((c) => c.id === "c2")?.text).toBe("second offline B");
    } finally {
      await child.stop();
    }
  });

  it.skipIf(!redisUp && !requireServices)(
    "two server processes joined by Redis: one browser on each edits the same map live",
    {
      timeout: 120_000,
    },
    async () => {
      const dataDir = tmp();
      const env = { REDIS_URL };
      const one = await spawnServer(await freePort(), dataDir, env);
      const two = await spawnServer(await freePort(), dataDir, env);
      try {
        const id = await seedMap(one.url);
        const a = await openMap(await newContext(browser, one.url), id);
        const b = await openMap(await newContext(browser, two.url), id);
        await typeInCard(a, "c1", " via one");
        await a.keyboard.press("Escape");
        await expect.poll(() => cardText(b, "c1"), { timeout: 5000 }).toBe("hello via one");
        await typeInCard(b, "c2", " via two");
        await b.keyboard.press("Escape");
        await expect.poll(() => cardText(a, "c2"), { timeout: 5000 }).toBe("second via two");
        await saved(a);
        await saved(b);
        for (const base of [one.url, two.url]) {
          const m = await serverMap(base, id);
          expect(m.cards.map((c) => c.text).sort()).toEqual(["hello via one", "second via two"]);
        }
      } finally {
        await one.stop();
        await two.stop();
      }
    },
  );
});
