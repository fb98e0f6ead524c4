import { beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_WORKSPACE_ID as A } from "../../../storage/workspaces.ts";
import { type Session, useAccountsApi } from "../../accounts/test-accounts.ts";

describe("webhooks API (accounts mode)", () => {
  const t = useAccountsApi();
  let owner: Session;
  let editor: Session;
  beforeEach(async () => {
    delete process.env.WAYLINE_WEBHOOK_ALLOW_PRIVATE;
    await t.user("owner@a.test");
    await t.user("ed@a.test", [[A, "editor"]]);
    owner = await t.login("owner@a.test");
    editor = await t.login("ed@a.test");
  });
  const valid = { url: "https://hooks.example.com/wayline", events: ["map.changed", "comment.created"] };

  it("answers the secret once, never in listings; edits, rotates and deletes; editors get 403", async () => {
    const made = await owner.call("POST", "/api/webhooks", valid);
    expect(made.status).toBe(201);
    expect(made.json.secret).toMatch(/^whsec_[\w-]{43}$/);
    expect(made.json.webhook).toMatchObject({
      url: valid.url,
      format: "json",
      enabled: true,
      description: "",
    });
    const id = made.json.webhook.id;
    const list = await owner.call("GET", "/api/webhooks");
    expect(list.json.webhooks).toHaveLength(1);
    expect(list.text).not.toContain(made.json.secret);
    expect(list.json.eventTypes["pain.overdue"]).toBe("Pain point overdue");
    const one = await owner.call("GET", `/api/webhooks/${id}`);
    expect(one.text).not.toContain(made.json.secret);
    const paused = await owner.call("PATCH", `/api/webhooks/${id}`, { enabled: false, format: "slack" });
    expect(paused.json).toMatchObject({ enabled: false, format: "slack" });
    const rotated = await owner.call("POST", `/api/webhooks/${id}/secret`, undefined, {
      "x-wayline-csrf": owner.csrf,
    });
    expect(rotated.json.secret).not.toBe(made.json.secret);
    expect((await editor.call("GET", "/api/webhooks")).status).toBe(403);
    expect((await editor.call("POST", "/api/webhooks", valid)).status).toBe(403);
    expect(
      (await owner.call("DELETE", `/api/webhooks/${id}`, undefined, { "x-wayline-csrf": owner.csrf })).status,
    ).toBe(204);
    expect((await owner.call("GET", `/api/webhooks/${id}`)).status).toBe(404);
  });

  it("refuses bad bodies with located problems", async () => {
    const cases: [unknown, string][] = [
      [{ ...valid, events: [] }, "body.events"],
      [{ ...valid, events: ["map.exploded"] }, "body.events[0]"],
      [{ ...valid, format: "xml" }, "body.format"],
      [{ ...valid, secret: "mine" }, "body"],
      [{ ...valid, url: "ftp://example.com/x" }, "url"],
      [{ ...valid, url: "https://user:pw@example.com/x" }, "url"],
      [{ ...valid, url: "http://10.1.2.3/x" }, "url"],
      [{ ...valid, url: "http://[::1]:8080/x" }, "url"],
      [{ ...valid, url: "not a url" }, "url"],
    ];
    for (const [b, path] of cases) {
      const r = await owner.call("POST", "/api/webhooks", b);
      expect(r.status, JSON.stringify(b)).toBe(400);
      expect(
        r.json.error.details.problems.map((p: { path: string }) => p.path),
        JSON.stringify(b),
      ).toContain(path);
    }
    const made = await owner.call("POST", "/api/webhooks", valid);
    expect((await owner.call("PATCH", `/api/webhooks/${made.json.webhook.id}`, {})).status).toBe(400);
  });

  it("Send test to a name that resolves to loopback is refused and logged, not retried", async () => {
    const made = await owner.call("POST", "/api/webhooks", { ...valid, url: "http://localhost:9/x" });
    const id = made.json.webhook.id;
    const d = await owner.call("POST", `/api/webhooks/${id}/test`, {});
    expect(d.status).toBe(200);
    expect(d.json).toMatchObject({
      eventType: "webhook.test",
      status: "failed",
      attempts: 1,
      nextAttemptAt: null,
    });
    expect(d.json.lastError).toMatch(/private or loopback/);
    const log = await owner.call("GET", `/api/webhooks/${id}/deliveries`);
    expect(log.json.deliveries.map((x: { id: string }) => x.id)).toEqual([d.json.id]);
  });
});
