import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { resolveTarget } from "./address-guard.ts";
import type { WebhookLimits } from "./limits.ts";

/** The outcome of one attempt. */
export interface AttemptResult {
  /** HTTP status, or null when no answer came. */
  code: number | null;
  /** Why it failed; null on a 2xx answer. */
  error: string | null;
  durationMs: number;
  /** True when the address was refused before connecting. */
  refused: boolean;
}

/** Pins every lookup of the request to the checked address (both callback shapes of `net`). */
function pinned(address: string, family: 4 | 6): LookupFunction {
  return ((_host: string, opts: { all?: boolean }, cb: (...a: unknown[]) => void) => {
    if (opts?.all) cb(null, [{ address, family }]);
    else cb(null, address, family);
  }) as unknown as LookupFunction;
}

/**
 * POSTs `body` to `url` once, bounded by `limits.timeoutMs` for the whole exchange and
 * `limits.maxResponseBytes` of answer read; redirects are not followed (a 3xx is a failure).
 */
export async function postOnce(
  url: URL,
  body: string,
  headers: Record<string, string>,
  limits: Pick<WebhookLimits, "timeoutMs" | "maxResponseBytes">,
  allowPrivate: boolean,
): Promise<AttemptResult> {
  const started = performance.now();
  const took = () => Math.round(performance.now() - started);
  let target: { address: string; family: 4 | 6 };
  try {
    target = await resolveTarget(url, allowPrivate);
  } catch (e) {
    const refused = (e as Error).name === "RefusedAddress";
    return { code: null, error: (e as Error).message, durationMs: took(), refused };
  }
  return new Promise<AttemptResult>((resolve) => {
    let settled = false;
    const done = (code: number | null, error: string | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      resolve({ code, error, durationMs: took(), refused: false });
    };
    const lib = url.protocol === "https:" ? https : http;
    const req = lib.request(
      url,
      {
        method: "POST",
        headers: { ...headers, "content-length": String(Buffer.byteLength(body)) },
        lookup: pinned(target.address, target.family),
        agent: false,
      },
      (res) => {
        const code = res.statusCode ?? null;
        let read = 0;
        const finish = () =>
          done(code, code !== null && code >= 200 && code < 300 ? null : `answered ${code ?? "nothing"}`);
        res.on("data", (chunk: Buffer) => {
          read += chunk.length;
          if (read >= limits.maxResponseBytes) finish();
        });
        res.on("end", finish);
        res.on("error", finish);
      },
    );
    const timer = setTimeout(() => done(null, `no answer within ${limits.timeoutMs} ms`), limits.timeoutMs);
    req.on("error", (e) => done(null, e.message));
    req.end(body);
  });
}
