import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestStore, type TestStore } from "../testing/databases.ts";
import { createApp, remoteImagesFromEnv } from "./app.ts";
import { localAuthenticator } from "./auth.ts";
import { testClient } from "./test-client.ts";

const imgSrc = (csp: string) => /img-src ([^;]*)/.exec(csp)?.[1]?.trim().split(/\s+/) ?? [];

describe("images from anywhere (finding 9)", () => {
  let t: TestStore;
  beforeEach(async () => {
    t = await createTestStore("sqlite");
  });
  afterEach(async () => t.dispose());

  it("the CSP lets images come only from Wayline itself and data: URLs by default", async () => {
    const res = await testClient(createApp({ store: t.store, auth: localAuthenticator() })).get(
      "/api/health",
    );
    expect(imgSrc(res.headers.get("content-security-policy") ?? "")).toEqual(["'self'", "data:"]);
  });

  it("remote images are an explicit opt-in (WAYLINE_REMOTE_IMAGES=1)", async () => {
    const app = createApp({ store: t.store, auth: localAuthenticator(), remoteImages: true });
    const res = await testClient(app).get("/api/health");
    expect(imgSrc(res.headers.get("content-security-policy") ?? "")).toEqual(["'self'", "data:", "https:"]);
    expect(remoteImagesFromEnv({})).toBe(false);
    expect(remoteImagesFromEnv({ WAYLINE_REMOTE_IMAGES: "1" })).toBe(true);
  });
});
