import type { Hono } from "hono";
import type { AppEnv } from "./context.ts";

/** Minimal HTTP client over `app.request()` that looks like a local browser request by default. */
export function testClient(app: Hono<AppEnv>, remoteAddress = "127.0.0.1") {
  const env = { incoming: { socket: { remoteAddress } } };
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const init: RequestInit = { method, headers: { host: "localhost:4400", ...headers } };
    // Like the web client: writes are JSON even without a body (simple cross-site POSTs are refused).
    if (body === undefined && method !== "GET" && method !== "DELETE" && !("content-type" in headers))
      init.headers = { "content-type": "application/json", ...init.headers };
    if (body !== undefined) {
      init.body = typeof body === "string" ? body : JSON.stringify(body);
      init.headers = { "content-type": "application/json", ...init.headers };
    }
    const res = await app.request(path, init, env);
    const text = await res.text();
    // biome-ignore lint/suspicious/noExplicitAny: test responses are inspected loosely
    const json: any = text ? JSON.parse(text) : null;
    return { status: res.status, json, headers: res.headers };
  };
  return {
    get: (p: string, h?: Record<string, string>) => call("GET", p, undefined, h),
    post: (p: string, b?: unknown, h?: Record<string, string>) => call("POST", p, b, h),
    patch: (p: string, b?: unknown, h?: Record<string, string>) => call("PATCH", p, b, h),
    delete: (p: string, h?: Record<string, string>) => call("DELETE", p, undefined, h),
    call,
  };
}
