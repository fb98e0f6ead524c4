import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type RunningServer, startServer } from "../src/server/serve.ts";
import { describeWithService } from "../src/testing/services.ts";
import { cardText, newContext, openMap, saved, seedMap, serverMap, typeInCard } from "./collab-harness.ts";
import { buildWebApp, CHROMIUM, launchChromium } from "./harness.ts";

describeWithService("Chromium", existsSync(CHROMIUM), "an open card editor stays live", () => {
  let browser: Browser;
  let server: RunningServer;
  let dir: string;
  beforeAll(async () => {
    buildWebApp();
    browser = await launchChromium();
    dir = mkdtempSync(join(tmpdir(), "wayline-livetext-e2e-"));
    server = await startServer({ port: 0, host: "127.0.0.1", dataDir: dir, auth: "local" });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("a collaborator's edit shows in my open textarea, merged with my typing, caret kept", async () => {
    const id = await seedMap(server.url);
    const a = await openMap(await newContext(browser, server.url), id);
    const b = await openMap(await newContext(browser, server.url), id);
    // A opens c1 ("hello") and types Y after "he".
    await a.locator('.card[data-card-id="c1"]').dblclick();
    const box = a.locator('.card[data-card-id="c1"] textarea.card-editor');
    await box.waitFor();
    await box.evaluate((el) => (el as HTMLTextAreaElement).setSelectionRange(2, 2));
    await box.pressSequentially("Y");
    // B appends to the same card and closes its editor.
    await typeInCard(b, "c1", " world");
    await b.keyboard.press("Escape");
    // A's textarea, still open, shows both edits; the caret is still right after A's Y.
    await expect.poll(() => box.inputValue(), { timeout: 10_000 }).toBe("heYllo world");
    expect(await box.evaluate((el) => (el as HTMLTextAreaElement).selectionStart)).toBe(3);
    await box.pressSequentially("Z");
    expect(await box.inputValue()).toBe("heYZllo world");
    await a.keyboard.press("Escape");
    await saved(a);
    await expect.poll(() => cardText(b, "c1"), { timeout: 10_000 }).toBe("heYZllo world");
    expect((await serverMap(server.url, id)).cards.find((c) => c.id === "c1")?.text).toBe("heYZllo world");
  }, 90_000);
});
