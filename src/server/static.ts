import { existsSync, readFileSync, statSync } from "node:fs";
import { extname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { Hono } from "hono";
import type { AppEnv } from "./context.ts";

/** Where `vite build` writes the web app. */
export const DEFAULT_WEB_DIR = fileURLToPath(new URL("../../dist/web", import.meta.url));

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".map": "application/json; charset=utf-8",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
};

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>Wayline</title>
<p>The Wayline web app is not built yet. Run <code>npm run build:web</code> (it also runs on
<code>npm install</code>) and reload. The REST API is available under <code>/api</code>.</p>`;

/** Resolves a URL path inside `root`, or null when it escapes it or is not a file. */
function fileIn(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes("\0")) return null;
  const full = resolve(join(root, decoded));
  if (full !== root && !full.startsWith(root + sep)) return null;
  return existsSync(full) && statSync(full).isFile() ? full : null;
}

/**
 * Mounts the built web app (`dist/web`) at `/`: real files by path, and `index.html` for any
 * other GET that is not under `/api` (client-side routes such as `/maps/ID`). `/api` is never
 * shadowed: API 404s stay JSON. Hashed files under `/assets/` are cached for a year.
 */
export function mountWebApp(app: Hono<AppEnv>, webDir: string = DEFAULT_WEB_DIR): void {
  const root = resolve(webDir);
  app.get("*", async (c, next) => {
    const path = c.req.path;
    if (path === "/api" || path.startsWith("/api/")) return next();
    const index = join(root, "index.html");
    if (!existsSync(index)) return c.html(NOT_BUILT, 503);
    const file = (path !== "/" && fileIn(root, path)) || null;
    if (file) {
      const type = TYPES[extname(file)] ?? "application/octet-stream";
      const cache = path.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache";
      return c.body(readFileSync(file), 200, { "content-type": type, "cache-control": cache });
    }
    if (extname(path) && path.startsWith("/assets/")) return next();
    return c.body(readFileSync(index), 200, {
      "content-type": TYPES[".html"] as string,
      "cache-control": "no-cache",
    });
  });
}
