import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestStore, type TestStore } from "../testing/databases.ts";
import { createApp } from "./app.ts";
import { localAuthenticator } from "./auth.ts";
import { DEFAULT_BODY_LIMIT } from "./validate.ts";

/** A chunked body (no Content-Length) of `total` bytes that counts how much the server pulled. */
function countingBody(total: number) {
  const chunk = new TextEncoder().encode(" ".repeat(64 * 1024));
  const seen = { bytes: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(ctrl) {
      if (seen.bytes >= total) return ctrl.close();
      seen.bytes += chunk.length;
      ctrl.enqueue(chunk);
    },
  });
  return { stream, seen };
}

describe("JSON bodies are limited while streaming (finding 3)", () => {
  let t: TestStore;
  beforeEach(async () => {
    t = await createTestStore("sqlite");
  });
  afterEach(async () => t.dispose());

  it("answers 413 as soon as a chunked body without Content-Length passes the limit", async () => {
    const app = createApp({ store: t.store, auth: localAuthenticator() });
    const { stream, seen } = countingBody(64 * 1024 * 1024);
    const res = await app.request(
      "/api/journeys",
      {
        method: "POST",
        headers: { host: "localhost:4400", "content-type": "application/json" },
        body: stream,
        duplex: "half",
      } as RequestInit,
      { incoming: { socket: { remoteAddress: "127.0.0.1" } } },
    );
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe("payload_too_large");
    // Read no more than the limit and one chunk of the stream's read-ahead, never the 64 MiB.
    expect(seen.bytes).toBeLessThan(DEFAULT_BODY_LIMIT + 256 * 1024);
  });

  it("still reads a chunked body under the limit", async () => {
    const app = createApp({ store: t.store, auth: localAuthenticator() });
    const body = new Blob([JSON.stringify({ title: "chunked", kind: "current_state" })]).stream();
    const res = await app.request(
      "/api/journeys",
      {
        method: "POST",
        headers: { host: "localhost:4400", "content-type": "application/json" },
        body,
        duplex: "half",
      } as RequestInit,
      { incoming: { socket: { remoteAddress: "127.0.0.1" } } },
    );
    expect(res.status).toBe(201);
  });
});
