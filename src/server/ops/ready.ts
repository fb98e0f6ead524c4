import { connect } from "node:net";
import { sql } from "kysely";
import type { Store } from "../../storage/store.ts";
import { maskSecrets } from "./logger.ts";

/** One dependency's state in `/api/ready`. */
export interface CheckResult {
  status: "up" | "down";
  /** Milliseconds the check took. */
  ms: number;
  /** Why it is down (never a secret). */
  error?: string;
}

/** What `/api/ready` checks: the database always; Redis and ClickHouse when configured. */
export interface ReadyTargets {
  store: Store;
  redisUrl?: string | undefined;
  clickhouseUrl?: string | undefined;
  /** Per-check budget (WAYLINE_READY_TIMEOUT_MS, default 2000 ms). */
  timeoutMs: number;
}

/** `WAYLINE_READY_TIMEOUT_MS` (default 2000, at least 50, at most 30000). */
export function readyTimeoutFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.WAYLINE_READY_TIMEOUT_MS);
  return Number.isFinite(n) && n > 0 ? Math.min(Math.max(n, 50), 30_000) : 2000;
}

async function timed(work: (signal: AbortSignal) => Promise<void>, timeoutMs: number): Promise<CheckResult> {
  const started = performance.now();
  const abort = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`no answer within ${timeoutMs} ms`));
      abort.abort();
    }, timeoutMs);
  });
  try {
    await Promise.race([work(abort.signal), timeout]);
    return { status: "up", ms: Math.round(performance.now() - started) };
  } catch (e) {
    const error = maskSecrets(e instanceof Error ? e.message || e.name : String(e)).slice(0, 200);
    return { status: "down", ms: Math.round(performance.now() - started), error };
  } finally {
    clearTimeout(timer);
  }
}

/** A Redis PING over RESP (AUTH first when the URL carries credentials); "+PONG" expected. */
export function pingRedis(url: string, signal: AbortSignal): Promise<void> {
  const u = new URL(url);
  const parts: string[][] = [];
  if (u.password)
    parts.push([
      "AUTH",
      ...(u.username ? [decodeURIComponent(u.username)] : []),
      decodeURIComponent(u.password),
    ]);
  const db = u.pathname.replace(/^\//, "");
  if (db) parts.push(["SELECT", db]);
  parts.push(["PING"]);
  const wire = parts
    .map((p) => `*${p.length}\r\n${p.map((s) => `$${Buffer.byteLength(s)}\r\n${s}\r\n`).join("")}`)
    .join("");
  return new Promise((resolve, reject) => {
    const socket = connect({ host: u.hostname || "127.0.0.1", port: Number(u.port) || 6379 });
    let got = "";
    const done = (err?: Error) => {
      socket.destroy();
      if (err) reject(err);
      else resolve();
    };
    signal.addEventListener("abort", () => done(new Error("timed out")));
    socket.on("connect", () => socket.write(wire));
    socket.on("data", (d) => {
      got += d.toString("utf8");
      if (got.startsWith("-")) done(new Error(got.split("\r\n")[0]?.slice(1) ?? "error"));
      else if (got.includes("+PONG")) done();
    });
    socket.on("error", (e) => done(e));
    socket.on("close", () => done(new Error("connection closed before PONG")));
  });
}

/** ClickHouse's `/ping` answers "Ok." (credentials are not needed and not sent). */
async function pingClickhouse(url: string, signal: AbortSignal): Promise<void> {
  const u = new URL(url);
  u.username = "";
  u.password = "";
  u.pathname = "/ping";
  u.search = "";
  const res = await fetch(u, { signal });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  await res.body?.cancel();
}

/** Runs every configured check in parallel; each is bounded by the timeout. */
export async function checkReadiness(
  t: ReadyTargets,
): Promise<{ ready: boolean; checks: Record<string, CheckResult> }> {
  const checks: Record<string, Promise<CheckResult>> = {
    database: timed(async () => {
      await sql`select 1`.execute(t.store.db);
    }, t.timeoutMs),
  };
  const redisUrl = t.redisUrl;
  if (redisUrl) checks.redis = timed((s) => pingRedis(redisUrl, s), t.timeoutMs);
  const clickhouseUrl = t.clickhouseUrl;
  if (clickhouseUrl) checks.clickhouse = timed((s) => pingClickhouse(clickhouseUrl, s), t.timeoutMs);
  const entries = await Promise.all(Object.entries(checks).map(async ([k, p]) => [k, await p] as const));
  const out = Object.fromEntries(entries);
  return { ready: entries.every(([, r]) => r.status === "up"), checks: out };
}
