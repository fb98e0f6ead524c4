import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type RunningServer, startServer } from "../src/server/serve.ts";
import { JourneyService } from "../src/services/journey-service.ts";
import { verifySignature } from "../src/services/webhooks/signature.ts";
import { DEFAULT_WORKSPACE_ID as WS } from "../src/storage/workspaces.ts";
import { describeWithService } from "../src/testing/services.ts";
import { addMember, signedIn } from "./accounts.ts";
import { buildWebApp, CHROMIUM, launchChromium } from "./harness.ts";

const SHOTS = process.env.WAYLINE_SHOTS;

describeWithService("Chromium", existsSync(CHROMIUM), "activity and webhooks in Chromium (two users)", () => {
  let server: RunningServer;
  let browser: Browser;
  let dataDir: string;
  let receiver: Server;
  let hookUrl: string;
  const received: { headers: IncomingMessage["headers"]; body: string }[] = [];
  beforeAll(async () => {
    buildWebApp();
    // The receiver listens on loopback: allowed for this test only (services read it at start).
    process.env.WAYLINE_WEBHOOK_ALLOW_PRIVATE = "1";
    receiver = createServer((req, res) => {
      let body = "";
      req.on("data", (c) => {
        body += c;
      });
      req.on("end", () => {
        received.push({ headers: req.headers, body });
        res.end("ok");
      });
    });
    await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
    hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/wayline`;
    dataDir = mkdtempSync(join(tmpdir(), "wayline-e2e-activity-"));
    server = await startServer({ port: 0, host: "127.0.0.1", dataDir, auth: "accounts" });
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    delete process.env.WAYLINE_WEBHOOK_ALLOW_PRIVATE;
    await browser?.close();
    await server?.close();
    receiver?.closeAllConnections();
    await new Promise((r) => receiver?.close(r));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("B renames a stage; A sees it in the map's Activity panel; the webhook receiver gets it signed", async () => {
    await addMember(server, { email: "ana@team.io", name: "Ana", role: "owner" });
    await addMember(server, { email: "ben@team.io", name: "Ben", role: "editor" });
    const created = await new JourneyService(server.store).create(WS, { templateId: "pizza-restaurant" });
    const mapId = created.map.id;
    const first = created.map.stages[0]?.name ?? "";

    // A adds a webhook for map changes in the workspace settings and copies the secret shown once.
    const a = await signedIn(browser, server.url, "ana@team.io");
    await a.getByRole("link", { name: "Webhooks" }).click();
    const form = a.getByRole("form", { name: "Add a webhook" });
    await form.getByLabel("Payload URL").fill(hookUrl);
    await form.getByLabel("Description").fill("Team receiver");
    await form.getByLabel("Map changed (activity)").check();
    await form.getByRole("button", { name: "Add webhook" }).click();
    const secret = (await a.locator(".webhook-secret code").textContent()) ?? "";
    expect(secret).toMatch(/^whsec_/);
    await a.getByRole("button", { name: "I have copied it" }).click();
    await expect.poll(() => a.locator(".webhook-secret").count()).toBe(0);
    await a.getByRole("list", { name: "Webhooks" }).getByText(hookUrl).waitFor();

    // A opens the map's Activity panel.
    await a.goto(`/maps/${mapId}`);
    await a.getByRole("button", { name: "Activity" }).click();
    const panel = a.getByRole("complementary", { name: "Activity" });
    await panel.getByText("No activity yet.").waitFor();

    // B renames the first stage in the editor (a live edit over the websocket).
    const b = await signedIn(browser, server.url, "ben@team.io");
    await b.goto(`/maps/${mapId}`);
    await b
      .getByRole("columnheader", { name: first, exact: true })
      .getByRole("button", { name: first, exact: true })
      .dblclick();
    await b.getByRole("textbox", { name: "Stage name" }).fill("Finding the place");
    await b.keyboard.press("Enter");

    const line = `Ben renamed stage “${first}” → “Finding the place”`;
    await expect
      .poll(() => panel.locator(".activity-list li").first().textContent(), { timeout: 15_000 })
      .toContain(line);
    if (SHOTS) await a.screenshot({ path: join(SHOTS, "activity-panel.png") });

    // The receiver got the change, signed with the secret A copied.
    await expect.poll(() => received.length, { timeout: 15_000 }).toBeGreaterThan(0);
    const got = received.find((r) => r.body.includes("Finding the place"));
    expect(got).toBeDefined();
    const body = JSON.parse(got?.body ?? "{}");
    expect(body).toMatchObject({
      type: "map.changed",
      data: { journeyId: mapId, kind: "stage.renamed", actor: { kind: "member", name: "Ben" } },
    });
    const header = String(got?.headers["x-wayline-signature"]);
    expect(verifySignature(secret, header, got?.body ?? "", Math.floor(Date.now() / 1000))).toBe(true);

    // The workspace Activity page lists it with the map, and the delivery log shows it delivered.
    await a.goto("/activity");
    const all = a.getByRole("list", { name: "Activity" });
    await all.getByText(`renamed stage “${first}” → “Finding the place”`).waitFor();
    await a.getByLabel("Filter by map").selectOption({ label: created.map.title });
    await a.getByLabel("Filter by member").selectOption({ label: "Ben" });
    await all.getByText(`renamed stage “${first}” → “Finding the place”`).waitFor();
    await a.getByLabel("Filter by kind").selectOption({ label: "Cards" });
    await a.getByText("No activity yet.").waitFor();
    await a.goto("/workspace/webhooks");
    await a.getByRole("button", { name: "Deliveries" }).click();
    const log = a.getByRole("table", { name: "Deliveries" });
    await log.locator('tr[data-status="succeeded"]').first().waitFor();
    expect(await log.locator('tr[data-status="succeeded"] td').nth(2).first().textContent()).toBe("200");
  }, 120_000);
});
