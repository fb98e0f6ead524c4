import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestStore, type TestStore } from "../../testing/databases.ts";
import { createApp, embedAncestorsFromEnv } from "../app.ts";
import { localAuthenticator } from "../auth.ts";
import { mountWebApp } from "../static.ts";

const ancestors = (csp: string | null) => /frame-ancestors ([^;]*)/.exec(csp ?? "")?.[1]?.trim();

describe("framing: only /embed may be framed by other sites", () => {
  let t: TestStore;
  let dir: string;
  beforeEach(async () => {
    t = await createTestStore("sqlite");
    dir = mkdtempSync(join(tmpdir(), "wayline-web-"));
    writeFileSync(join(dir, "index.html"), "<!doctype html><title>Wayline</title>");
  });
  afterEach(async () => {
    await t.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it("relaxes frame-ancestors for /embed/<token> and nowhere else", async () => {
    const app = createApp({ store: t.store, auth: localAuthenticator() });
    mountWebApp(app, dir);
    const env = { incoming: { socket: { remoteAddress: "127.0.0.1" } } };
    const client = { get: (p: string) => app.request(p, { headers: { host: "localhost:4400" } }, env) };
    const embed = await client.get("/embed/wls_abc");
    expect(embed.status).toBe(200);
    expect(ancestors(embed.headers.get("content-security-policy"))).toBe("https: http:");
    expect(embed.headers.get("x-frame-options")).toBeNull();
    for (const path of ["/s/wls_abc", "/", "/maps/m1", "/api/health", "/embedded"]) {
      const res = await client.get(path);
      expect(ancestors(res.headers.get("content-security-policy")), path).toBe("'self'");
      expect(res.headers.get("x-frame-options"), path).toBe("SAMEORIGIN");
    }
    expect(embedAncestorsFromEnv({ WAYLINE_EMBED_ANCESTORS: "https://intranet.example.com" })).toBe(
      "https://intranet.example.com",
    );
    expect(embedAncestorsFromEnv({ WAYLINE_EMBED_ANCESTORS: "x; script-src *" })).toBe("https: http:");
  });
});
