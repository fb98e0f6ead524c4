import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestStore, postgresAvailable, type TestStore } from "../../../testing/databases.ts";
import { describeWithService } from "../../../testing/services.ts";
import { createApp } from "../../app.ts";
import { localAuthenticator } from "../../auth.ts";

const pgUp = await postgresAvailable();
const PNG = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82, 1, 2, 3,
]);
const SVG = new TextEncoder().encode(
  '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
);
const LOCAL = { host: "localhost:4400" };
const env = { incoming: { socket: { remoteAddress: "127.0.0.1" } } };

for (const dialect of ["sqlite", "postgres"] as const)
  describeWithService("PostgreSQL", dialect === "sqlite" || pgUp, `uploads on ${dialect}`, () => {
    let t: TestStore;
    let app: ReturnType<typeof createApp>;
    const upload = (body: BodyInit, headers: Record<string, string> = {}) =>
      app.request(
        "/api/uploads",
        {
          method: "POST",
          body,
          headers: { ...LOCAL, "x-wayline-upload": "1", ...headers },
          duplex: "half",
        } as RequestInit,
        env,
      );
    beforeAll(async () => {
      process.env.WAYLINE_UPLOAD_MAX_BYTES = "1024";
      t = await createTestStore(dialect);
      app = createApp({ store: t.store, auth: localAuthenticator() });
      delete process.env.WAYLINE_UPLOAD_MAX_BYTES;
    });
    afterAll(() => t.dispose());

    it("stores an image, serves it back with safe headers, and a persona photo can point at it", async () => {
      const r = await upload(PNG, { "content-type": "text/html" });
      expect(r.status).toBe(201);
      const info = (await r.json()) as { id: string; url: string; mime: string; size: number };
      expect(info).toMatchObject({ mime: "image/png", size: PNG.length, url: `/api/uploads/${info.id}` });
      const got = await app.request(info.url, { headers: LOCAL }, env);
      expect(got.status).toBe(200);
      expect(new Uint8Array(await got.arrayBuffer())).toEqual(PNG);
      expect(got.headers.get("content-type")).toBe("image/png");
      expect(got.headers.get("x-content-type-options")).toBe("nosniff");
      expect(got.headers.get("content-security-policy")).toBe("default-src 'none'; sandbox");
      expect(got.headers.get("cross-origin-resource-policy")).toBe("same-origin");
      const persona = await app.request(
        "/api/personas",
        {
          method: "POST",
          headers: { ...LOCAL, "content-type": "application/json" },
          body: JSON.stringify({
            name: "Eva",
            avatar: { initials: "EM", color: "#336699", photoUrl: info.url },
          }),
        },
        env,
      );
      expect(persona.status).toBe(201);
      expect(((await persona.json()) as { avatar: { photoUrl: string } }).avatar.photoUrl).toBe(info.url);
    });

    it("refuses what is not a PNG/JPEG/GIF/WebP by content (SVG, HTML named .png), empty and oversized files", async () => {
      const svg = await upload(SVG, { "content-type": "image/png" });
      expect(svg.status).toBe(415);
      expect(((await svg.json()) as { error: { message: string } }).error.message).toContain(
        "expected image/png, image/jpeg, image/gif, image/webp",
      );
      expect((await upload(new Uint8Array())).status).toBe(400);
      const big = new Uint8Array(2048);
      big.set(PNG);
      expect((await upload(big)).status).toBe(413);
      // Chunked, no Content-Length: stopped while streaming.
      const stream = new ReadableStream<Uint8Array>({
        start(ctl) {
          for (let i = 0; i < 8; i++) ctl.enqueue(big.subarray(0, 512));
          ctl.close();
        },
      });
      const chunked = await upload(stream);
      expect(chunked.status).toBe(413);
      const noHeader = await app.request(
        "/api/uploads",
        { method: "POST", body: PNG, headers: { ...LOCAL, "content-type": "image/png" } },
        env,
      );
      expect(noHeader.status).toBe(415);
      expect((await app.request("/api/uploads/nope", { headers: LOCAL }, env)).status).toBe(404);
    });

    it("another workspace's id is not found", async () => {
      const r = await upload(PNG);
      const { id } = (await r.json()) as { id: string };
      await t.store.db
        .insertInto("workspaces")
        .values({ id: "other-ws", name: "Other", created_at: new Date().toISOString() })
        .execute();
      expect(await t.store.uploads.get("other-ws", id)).toBeNull();
      expect((await t.store.uploads.get("default", id))?.size).toBe(PNG.length);
    });
  });
