import { createHmac } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { WaylineError } from "../../domain/index.ts";
import { DEFAULT_WORKSPACE_ID as WS } from "../../storage/workspaces.ts";
import { createTestStore, postgresAvailable, type TestStore } from "../../testing/databases.ts";
import { describeWithService } from "../../testing/services.ts";
import { runAs } from "../activity/actor-context.ts";
import { createServices, type Services } from "../services.ts";
import { WEBHOOK_LIMITS, type WebhookLimits } from "./limits.ts";
import { verifySignature } from "./signature.ts";

const pgUp = await postgresAvailable();

/** What the receiver saw of one request. */
interface Received {
  headers: IncomingMessage["headers"];
  body: string;
}

/** A real HTTP receiver on a loopback port; `answer` decides each response (default 200). */
class Receiver {
  readonly got: Received[] = [];
  answer: (n: number, res: ServerResponse) => void = (_n, res) => res.end("ok");
  private server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => {
      body += c;
    });
    req.on("end", () => {
      this.got.push({ headers: req.headers, body });
      this.answer(this.got.length, res);
    });
  });
  url = "";
  async start(): Promise<void> {
    await new Promise<void>((r) => this.server.listen(0, "127.0.0.1", r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
  }
  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((r) => this.server.close(r));
  }
}

const FAST: WebhookLimits = {
  ...WEBHOOK_LIMITS,
  baseDelayMs: 50,
  maxDelayMs: 200,
  timeoutMs: 400,
  pollMs: 50,
  maxAttempts: 3,
};
const ana = () => ({ kind: "member" as const, userId: "u-ana", name: "Ana" });

for (const dialect of ["sqlite", "postgres"] as const)
  describeWithService("PostgreSQL", dialect === "sqlite" || pgUp, `webhooks on ${dialect}`, () => {
    let t: TestStore;
    let dir: string;
    let rx: Receiver;
    let services: Services;
    let mapId: string;
    const open = (limits: WebhookLimits = FAST, allowPrivate = true) =>
      createServices({ store: t.store, dataDir: dir, webhooks: { limits, allowPrivate } });
    beforeEach(async () => {
      t = await createTestStore(dialect);
      dir = mkdtempSync(join(tmpdir(), "wayline-hooks-"));
      rx = new Receiver();
      await rx.start();
      services = open();
      mapId = (await services.journeys.create(WS, { title: "Pizza", kind: "current_state" })).map.id;
    });
    afterEach(async () => {
      await services.close();
      await rx.stop();
      await t.dispose();
      rmSync(dir, { recursive: true, force: true });
    });

    const renameFirstStage = async (name: string) => {
      const view = await services.journeys.get(WS, mapId);
      const stage = view.map.stages[0] ?? null;
      const commands = stage
        ? [{ type: "renameStage" as const, id: stage.id, name }]
        : [{ type: "addStage" as const, name }];
      await runAs(ana, () => services.journeys.apply(WS, mapId, { baseVersion: view.version, commands }));
    };
    const deliveries = async (id: string) => services.webhooks.deliveries(WS, id);
    const until = async (check: () => Promise<boolean>, ms = 8000) => {
      const end = Date.now() + ms;
      while (!(await check())) {
        if (Date.now() > end) throw new Error("timed out");
        await new Promise((r) => setTimeout(r, 20));
      }
    };

    it("delivers a map change signed: the receiver verifies the signature over t.body", async () => {
      const { webhook, secret } = await services.webhooks.create(
        WS,
        { url: rx.url, events: ["map.changed"], format: "json", description: "", enabled: true },
        "u-ana",
      );
      expect(JSON.stringify(await services.webhooks.list(WS))).not.toContain(secret);
      await renameFirstStage("Arrival");
      await services.webhooks.flush();
      expect(rx.got).toHaveLength(1);
      const got = rx.got[0] as Received;
      const header = String(got.headers["x-wayline-signature"]);
      // Checked as a receiver would, independently of Wayline's own code: HMAC-SHA256 of "t.body".
      const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header) ?? [];
      expect(createHmac("sha256", secret).update(`${t}.${got.body}`).digest("hex")).toBe(v1);
      expect(verifySignature(secret, header, got.body, Math.floor(Date.now() / 1000))).toBe(true);
      expect(verifySignature(secret, header, `${got.body} `, Math.floor(Date.now() / 1000))).toBe(false);
      expect(verifySignature("whsec_other", header, got.body, Math.floor(Date.now() / 1000))).toBe(false);
      const body = JSON.parse(got.body);
      expect(body).toMatchObject({
        type: "map.changed",
        workspaceId: WS,
        data: { journeyId: mapId, summary: "added stage “Arrival”", actor: { name: "Ana" } },
      });
      expect(got.headers["x-wayline-event"]).toBe("map.changed");
      expect(got.headers["x-wayline-delivery"]).toBe(body.id);
      const [d] = await deliveries(webhook.id);
      expect(d).toMatchObject({ status: "succeeded", attempts: 1, lastCode: 200, nextAttemptAt: null });
    });

    it("retries a 500 after a back-off and logs both attempts; gives up after the attempt limit", async () => {
      await services.webhooks.start();
      rx.answer = (n, res) => {
        res.statusCode = n === 1 ? 500 : 200;
        res.end();
      };
      const { webhook } = await services.webhooks.create(
        WS,
        { url: rx.url, events: ["map.changed"], format: "json", description: "", enabled: true },
        "u-ana",
      );
      await renameFirstStage("Arrival");
      await until(async () => (await deliveries(webhook.id))[0]?.status === "succeeded");
      const [d] = await deliveries(webhook.id);
      expect(d?.attempts).toBe(2);
      expect(d?.log.map((a) => a.code)).toEqual([500, 200]);
      expect(d?.log[0]?.error).toBe("answered 500");
      expect(rx.got.map((g) => g.body)).toEqual([rx.got[0]?.body, rx.got[0]?.body]);

      rx.answer = (_n, res) => {
        res.statusCode = 503;
        res.end();
      };
      await renameFirstStage("Finding the place");
      await until(async () => (await deliveries(webhook.id))[0]?.status === "failed");
      const [failed] = await deliveries(webhook.id);
      expect(failed).toMatchObject({ attempts: FAST.maxAttempts, lastCode: 503, nextAttemptAt: null });
    });

    it("bounds an attempt by the timeout and schedules the retry", async () => {
      rx.answer = () => {}; // never answers
      const { webhook } = await services.webhooks.create(
        WS,
        { url: rx.url, events: ["map.changed"], format: "json", description: "", enabled: true },
        "u-ana",
      );
      await renameFirstStage("Arrival");
      await services.webhooks.flush();
      const [d] = await deliveries(webhook.id);
      expect(d).toMatchObject({
        status: "pending",
        attempts: 1,
        lastCode: null,
        lastError: `no answer within ${FAST.timeoutMs} ms`,
      });
      expect(d?.lastDurationMs).toBeGreaterThanOrEqual(FAST.timeoutMs - 5);
      expect(Date.parse(d?.nextAttemptAt ?? "")).toBeGreaterThan(Date.parse(d?.log[0]?.at ?? ""));
    });

    it("stops reading a large answer at the read limit", async () => {
      rx.answer = (_n, res) => {
        res.write("x".repeat(FAST.maxResponseBytes * 4));
        // The rest never comes: only the read limit ends the attempt before the timeout.
      };
      const { webhook } = await services.webhooks.create(
        WS,
        { url: rx.url, events: ["map.changed"], format: "json", description: "", enabled: true },
        "u-ana",
      );
      await renameFirstStage("Arrival");
      await services.webhooks.flush();
      expect((await deliveries(webhook.id))[0]).toMatchObject({ status: "succeeded", lastCode: 200 });
    });

    it("keeps queued deliveries across a restart", async () => {
      const { webhook } = await services.webhooks.create(
        WS,
        { url: rx.url, events: ["map.changed"], format: "json", description: "", enabled: true },
        "u-ana",
      );
      await renameFirstStage("Arrival"); // queued; this process never sends
      await services.close();
      expect(rx.got).toHaveLength(0);
      services = open();
      await services.webhooks.start();
      await until(async () => (await deliveries(webhook.id))[0]?.status === "succeeded");
      expect(rx.got).toHaveLength(1);
    });

    it("sends a Slack-compatible test with escaped text; keeps the last N deliveries", async () => {
      await services.close();
      services = open({ ...FAST, logKeep: 2 });
      const { webhook } = await services.webhooks.create(
        WS,
        { url: rx.url, events: ["map.changed"], format: "slack", description: "Team channel", enabled: true },
        "u-ana",
      );
      const d = await services.webhooks.sendTest(WS, webhook.id, {
        kind: "member",
        userId: "u1",
        name: "<Ana & co>",
      });
      expect(d).toMatchObject({ status: "succeeded", lastCode: 200, eventType: "webhook.test" });
      const slack = JSON.parse(rx.got[0]?.body ?? "{}");
      expect(slack.text).toBe("Test delivery from Wayline (sent by &lt;Ana &amp; co&gt;)");
      expect(slack.blocks).toEqual([{ type: "section", text: { type: "mrkdwn", text: slack.text } }]);
      for (let i = 0; i < 3; i++) await services.webhooks.sendTest(WS, webhook.id, { kind: "system" });
      expect(await deliveries(webhook.id)).toHaveLength(2);
    });

    it("refuses private and loopback addresses unless allowed, at saving and at sending", async () => {
      await services.close();
      services = open(FAST, false);
      const input = {
        url: "http://127.0.0.1:9/x",
        events: ["map.changed"],
        format: "json" as const,
        description: "",
        enabled: true,
      };
      await expect(services.webhooks.create(WS, input, "u")).rejects.toMatchObject({
        code: "invalid_request",
      });
      await expect(
        services.webhooks.create(WS, { ...input, url: "http://169.254.169.254/latest" }, "u"),
      ).rejects.toBeInstanceOf(WaylineError);
      await expect(
        services.webhooks.create(WS, { ...input, url: "ftp://example.com/" }, "u"),
      ).rejects.toThrow(/http/);
      // A name that resolves to loopback passes saving; the delivery is refused and not retried.
      const { webhook } = await services.webhooks.create(
        WS,
        { ...input, url: rx.url.replace("127.0.0.1", "localhost") },
        "u",
      );
      const d = await services.webhooks.sendTest(WS, webhook.id, { kind: "system" });
      expect(d).toMatchObject({ status: "failed", attempts: 1, lastCode: null });
      expect(d.lastError).toMatch(/private or loopback/);
      expect(rx.got).toHaveLength(0);
    });

    it("keeps webhooks of another workspace out of reach", async () => {
      const { webhook } = await services.webhooks.create(
        WS,
        { url: rx.url, events: ["map.changed"], format: "json", description: "", enabled: true },
        "u-ana",
      );
      await expect(services.webhooks.get("other-ws", webhook.id)).rejects.toMatchObject({
        code: "not_found",
      });
      await expect(services.webhooks.delete("other-ws", webhook.id)).rejects.toMatchObject({
        code: "not_found",
      });
      await expect(services.webhooks.deliveries("other-ws", webhook.id)).rejects.toMatchObject({
        code: "not_found",
      });
    });
  });
