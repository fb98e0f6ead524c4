import { type ChildProcess, spawn } from "node:child_process";
import { connect, createServer } from "node:net";
import { join } from "node:path";
import * as encoding from "lib0/encoding";
import type { Browser, BrowserContext, Page } from "playwright-core";
import * as Y from "yjs";
import { connectDatabase } from "../src/storage/database.ts";
import { createRepositories } from "../src/storage/store.ts";

/** A free TCP port on loopback. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** `node bin/wayline.js serve` as a child process (so it can be killed with SIGKILL). */
export interface ChildServer {
  url: string;
  proc: ChildProcess;
  /** Sends SIGKILL and waits for the process to be gone. */
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts `wayline serve` on `port` with data in `dataDir` (and extra environment). */
export async function spawnServer(
  port: number,
  dataDir: string,
  env: Record<string, string> = {},
  /** Node flags for the server process (e.g. `--cpu-prof`, which NODE_OPTIONS may not carry). */
  nodeFlags: string[] = [],
): Promise<ChildServer> {
  const proc = spawn(
    process.execPath,
    [...nodeFlags, join(process.cwd(), "bin/wayline.js"), "serve", "--port", String(port), "--data", dataDir],
    { env: { ...process.env, WAYLINE_AUTH: "local", ...env }, stdio: ["ignore", "ignore", "pipe"] },
  );
  let log = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${log}`)), 90_000);
    proc.stderr?.on("data", (d: Buffer) => {
      log += d.toString();
      if (log.includes("Wayline is running")) {
        clearTimeout(timer);
        resolve();
      }
    });
    proc.once("exit", (code) => reject(new Error(`server exited (${code}): ${log}`)));
  });
  // A server that dies later says why (benchmarks and tests see only the exit code otherwise).
  proc.once("exit", (code) => {
    if (code) console.error(`wayline serve on ${port} exited with ${code}:\n${log.slice(-3000)}`);
  });
  const gone = () =>
    new Promise<void>((resolve) => (proc.exitCode !== null ? resolve() : proc.once("exit", () => resolve())));
  return {
    url: `http://localhost:${port}`,
    proc,
    kill9: async () => {
      proc.kill("SIGKILL");
      await gone();
    },
    stop: async () => {
      proc.kill("SIGTERM");
      await gone();
    },
  };
}

/** JSON API call. */
export async function call(base: string, method: string, path: string, body?: unknown, token?: string) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

/** A map with stage s1 "Aware", s2 "Order", a text lane and cards c1 "hello", c2 "second". */
export async function seedMap(base: string, token?: string): Promise<string> {
  const created = await call(
    base,
    "POST",
    "/api/journeys",
    { title: "Workshop map", kind: "current_state" },
    token,
  );
  const id = created.json.id as string;
  const r = await call(
    base,
    "POST",
    `/api/journeys/${id}/commands`,
    {
      baseVersion: created.json.version,
      commands: [
        { type: "addStage", id: "s1", name: "Aware" },
        { type: "addStage", id: "s2", name: "Order" },
        { type: "addLane", id: "l1", laneType: "text", name: "Notes" },
        { type: "addCard", id: "c1", laneId: "l1", stageId: "s1", text: "hello" },
        { type: "addCard", id: "c2", laneId: "l1", stageId: "s2", text: "second" },
      ],
    },
    token,
  );
  if (r.status !== 200) throw new Error(JSON.stringify(r.json));
  return id;
}

/** The map as the server has it. */
export async function serverMap(base: string, id: string, token?: string) {
  return (await call(base, "GET", `/api/journeys/${id}`, undefined, token)).json as {
    title: string;
    version: number;
    stages: { id: string; name: string }[];
    cards: { id: string; text: string }[];
  };
}

/**
 * The map as stored in the database of a server's data folder (SQLite), read beside the running
 * server — not the live document that `GET /api/journeys/:id` answers while the map is open.
 */
export async function storedMap(dataDir: string, id: string) {
  const open = connectDatabase({ dataDir });
  try {
    const journeys = createRepositories(open.db, open.dialect).journeys;
    const ws = await journeys.workspaceOf(id);
    const stored = ws ? await journeys.get(ws, id) : null;
    if (!stored) throw new Error(`map ${id} is not stored in ${dataDir}`);
    return { ...stored.map, version: stored.version };
  } finally {
    await open.close();
  }
}

/** A browser context (own IndexedDB) on `base`, with an optional token in localStorage. */
export async function newContext(browser: Browser, base: string, token?: string): Promise<BrowserContext> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 760 }, baseURL: base });
  if (token) await ctx.addInitScript((t) => localStorage.setItem("wayline.token", t), token);
  return ctx;
}

/** Opens a map's editor in a new page of `ctx`. */
export async function openMap(ctx: BrowserContext, id: string): Promise<Page> {
  const page = await ctx.newPage();
  await page.goto(`/maps/${id}`);
  await page.locator('.card[data-card-id="c1"]').waitFor({ timeout: 20_000 });
  return page;
}

/** Text of a card on a page. */
export const cardText = (page: Page, id: string) =>
  // biome-ignore lint/performance/useDomNodeTextContent: the text as shown (line breaks), not the DOM's
  page.locator(`.card[data-card-id="${id}"]`).evaluate((el) => (el as HTMLElement).innerText);

/** Types at the end of a card's text in the inline editor (left open). */
export async function typeInCard(page: Page, id: string, text: string): Promise<void> {
  await page.locator(`.card[data-card-id="${id}"]`).dblclick();
  const box = page.locator(`.card[data-card-id="${id}"] textarea.card-editor`);
  await box.waitFor();
  await box.press("End");
  await box.pressSequentially(text, { delay: 20 });
}

/** Waits for "All changes saved". */
export async function saved(page: Page): Promise<void> {
  await page.getByText("All changes saved").waitFor({ timeout: 20_000 });
}

/**
 * The bytes of a crafted Hocuspocus session: authenticate with `token`, then push a raw Yjs update
 * that retitles the map — what a hostile script in a viewer's page could send.
 */
export function craftedMessages(mapId: string, token: string): number[][] {
  const auth = encoding.createEncoder();
  encoding.writeVarString(auth, mapId);
  encoding.writeVarUint(auth, 2); // Auth
  encoding.writeVarUint(auth, 0); // Token
  encoding.writeVarString(auth, token);
  const evil = new Y.Doc();
  evil.getMap("meta").set("title", "HACKED");
  const upd = encoding.createEncoder();
  encoding.writeVarString(upd, mapId);
  encoding.writeVarUint(upd, 0); // Sync
  encoding.writeVarUint(upd, 2); // Update
  encoding.writeVarUint8Array(upd, Y.encodeStateAsUpdate(evil));
  return [Array.from(encoding.toUint8Array(auth)), Array.from(encoding.toUint8Array(upd))];
}

/** True when something answers Redis's PING at `url`. */
export async function redisAvailable(url: string): Promise<boolean> {
  const u = new URL(url);
  return new Promise((resolve) => {
    const sock = connect({ host: u.hostname, port: Number(u.port || 6379) });
    const done = (ok: boolean) => {
      sock.destroy();
      resolve(ok);
    };
    sock.setTimeout(1000, () => done(false));
    sock.once("error", () => done(false));
    sock.once("connect", () => sock.write("PING\r\n"));
    sock.once("data", (d) => done(d.toString().startsWith("+PONG")));
  });
}
