import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import type * as Y from "yjs";
import { roots } from "../src/domain/index.ts";
import { connectPeer, type Peer, until } from "../src/server/collab/peer.ts";
import { describeWithService } from "../src/testing/services.ts";
import {
  type ChildServer,
  freePort,
  redisAvailable,
  seedMap,
  serverMap,
  spawnServer,
  storedMap,
} from "./collab-harness.ts";

const REDIS_SERVER = "redis-server";
const hasRedisServer = spawnSync(REDIS_SERVER, ["--version"]).status === 0;

/** Sends one inline command to Redis and resolves with its first reply line. */
function redisCommand(port: number, command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const sock = connect({ host: "127.0.0.1", port });
    sock.once("error", reject);
    sock.once("connect", () => sock.write(`${command}\r\n`));
    sock.once("data", (d) => {
      sock.destroy();
      resolve(d.toString().trim());
    });
  });
}

const textOf = (doc: Y.Doc, id: string) =>
  (roots(doc).cards.get(id)?.get("text") as Y.Text | undefined)?.toString() ?? null;

function append(peer: Peer, id: string, text: string): void {
  const t = roots(peer.doc).cards.get(id)?.get("text") as Y.Text;
  t.insert(t.length, text);
}

/**
 * Two real `wayline serve` processes on one data folder joined by a private Redis (its own port,
 * so pausing it disturbs nobody else's tests), with Node editors (the real provider) on each.
 */
describeWithService(
  "redis-server",
  hasRedisServer,
  "two server processes and Redis: what GET answers",
  () => {
    let redis: ChildProcess;
    let redisPort: number;
    let one: ChildServer;
    let two: ChildServer;
    let dataDir: string;
    const peers: Peer[] = [];

    beforeAll(async () => {
      redisPort = await freePort();
      redis = spawn(REDIS_SERVER, ["--port", String(redisPort), "--save", "", "--appendonly", "no"], {
        stdio: "ignore",
      });
      const url = `redis://127.0.0.1:${redisPort}`;
      for (let i = 0; i < 100 && !(await redisAvailable(url)); i++)
        await new Promise((r) => setTimeout(r, 50));
      dataDir = mkdtempSync(join(tmpdir(), "wayline-collab-processes-"));
      // No row poll: the only ways between the processes are Redis and the stored rows.
      const env = { REDIS_URL: url, WAYLINE_COLLAB_ROW_POLL_MS: "0", WAYLINE_COLLAB_DEBOUNCE_MS: "100" };
      one = await spawnServer(await freePort(), dataDir, env);
      two = await spawnServer(await freePort(), dataDir, env);
    }, 200_000);

    afterAll(async () => {
      for (const p of peers) p.destroy();
      await one?.stop();
      await two?.stop();
      redis?.kill("SIGTERM");
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    });

    it("GET on either process answers everything an editor was told is stored, even while Redis is held up", {
      timeout: 90_000,
    }, async () => {
      const id = await seedMap(one.url);
      const a = connectPeer(one.url, id);
      const b = connectPeer(two.url, id);
      peers.push(a, b);
      await Promise.all([a.synced, b.synced]);

      // Live across the processes through Redis.
      append(a, "c1", " via one");
      await until(() => textOf(b.doc, "c1") === "hello via one", 5000, "B has A's edit through Redis");
      await until(() => a.isStored(), 10_000, "A's edit stored");
      for (const base of [one.url, two.url])
        expect((await serverMap(base, id)).cards.find((c) => c.id === "c1")?.text).toBe("hello via one");

      // Redis held up: A's next edit is stored by process one but has not reached process two's live map.
      expect(await redisCommand(redisPort, "CLIENT PAUSE 4000 ALL")).toBe("+OK");
      const paused = Date.now();
      append(a, "c2", " while paused");
      await until(() => a.isStored() && textOf(a.doc, "c2") === "second while paused", 3000, "stored");
      expect(Date.now() - paused).toBeLessThan(3500);
      expect(textOf(b.doc, "c2")).toBe("second"); // the live map on two lacks it …
      const fromTwo = await serverMap(two.url, id); // … and GET on two still answers it
      expect(Date.now() - paused).toBeLessThan(4000);
      expect(fromTwo.cards.find((c) => c.id === "c2")?.text).toBe("second while paused");
      expect(fromTwo.cards.find((c) => c.id === "c1")?.text).toBe("hello via one");
      expect(fromTwo.version).toBe((await storedMap(dataDir, id)).version);

      // Once Redis is back, B gets it live; with nobody on two, GET there reads the row.
      await until(() => textOf(b.doc, "c2") === "second while paused", 10_000, "B catches up");
      b.destroy();
      append(a, "c1", " again");
      await until(() => a.isStored() && textOf(a.doc, "c1") === "hello via one again", 10_000, "stored");
      const later = await serverMap(two.url, id);
      expect(later.cards.map((c) => c.text).sort()).toEqual(["hello via one again", "second while paused"]);
    });
  },
);
